import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `path` has made-up values for the dynamic segments; `pattern` keeps them as written (`/staff/children/[childId]`). */
export type AppRoute = { path: string; kind: 'page' | 'route'; pattern: string; file: string };

/** Stands in for every dynamic segment: well formed, and matching nothing. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const APP_DIR = path.resolve(import.meta.dirname, '..', '..', 'app');

// The only catch-all routes are next-auth's; its "session" action answers anyone, where a made-up one is an error.
const placeholder = (segment: string) => (segment.startsWith('[...') ? 'session' : segment.startsWith('[') ? UNKNOWN_ID : segment);

/**
 * Every page and route handler in the app, found from the files (so a new one is covered without being listed), with
 * made-up values for its dynamic segments. Private folders (`_components`) are not routes; route groups add no segment.
 */
export function appRoutes(dir = APP_DIR, prefix = '', patternPrefix = ''): AppRoute[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): AppRoute[] => {
    if (entry.isFile()) {
      const kind = { 'page.tsx': 'page', 'route.ts': 'route' }[entry.name] as AppRoute['kind'] | undefined;
      const file = path.relative(path.dirname(APP_DIR), path.join(dir, entry.name));
      return kind ? [{ path: prefix || '/', kind, pattern: patternPrefix || '/', file }] : [];
    }
    if (entry.name.startsWith('_')) return [];
    const group = entry.name.startsWith('(');
    return appRoutes(path.join(dir, entry.name), `${prefix}${group ? '' : `/${placeholder(entry.name)}`}`, `${patternPrefix}${group ? '' : `/${entry.name}`}`);
  });
}

export type AppAction = { file: string; name: string; params: string[] };

/**
 * Every server action in the app (each exported async function of an `*.action.ts` file, all of them public POST
 * endpoints), found from the files like the routes above, with its parameters (those before `_previous` or `formData`
 * are the ones a page binds).
 */
export function appActions(dir = APP_DIR): AppAction[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.action.ts'))
    .flatMap((entry) => {
      const absolute = path.join(entry.parentPath, entry.name);
      const file = path.relative(path.dirname(APP_DIR), absolute);
      const source = readFileSync(absolute, 'utf8');
      return [...source.matchAll(/^export async function (\w+)\s*\(([^)]*)\)/gm)].map(([, name, params]) => ({
        file,
        name: name!,
        params: params!.split(',').map((p) => p.trim().split(/[:?]/)[0]!.trim()).filter(Boolean),
      }));
    })
    .sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`));
}
