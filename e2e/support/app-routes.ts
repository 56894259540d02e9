import { readdirSync } from 'node:fs';
import path from 'node:path';

export type AppRoute = { path: string; kind: 'page' | 'route' };

/** Stands in for every dynamic segment: well formed, and matching nothing. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const APP_DIR = path.resolve(import.meta.dirname, '..', '..', 'app');

// The only catch-all routes are next-auth's; its "session" action answers anyone, where a made-up one is an error.
const placeholder = (segment: string) => (segment.startsWith('[...') ? 'session' : segment.startsWith('[') ? UNKNOWN_ID : segment);

/**
 * Every page and route handler in the app, found from the files (so a new one is covered without being listed), with
 * made-up values for its dynamic segments. Private folders (`_components`) are not routes; route groups add no segment.
 */
export function appRoutes(dir = APP_DIR, prefix = ''): AppRoute[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): AppRoute[] => {
    if (entry.isFile()) {
      const kind = { 'page.tsx': 'page', 'route.ts': 'route' }[entry.name] as AppRoute['kind'] | undefined;
      return kind ? [{ path: prefix || '/', kind }] : [];
    }
    if (entry.name.startsWith('_')) return [];
    const segment = entry.name.startsWith('(') ? '' : `/${placeholder(entry.name)}`;
    return appRoutes(path.join(dir, entry.name), `${prefix}${segment}`);
  });
}
