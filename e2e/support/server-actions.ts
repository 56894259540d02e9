import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { type AppAction, UNKNOWN_ID } from './app-routes';

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

const MANIFEST = path.resolve(import.meta.dirname, '..', '..', '.next', 'server', 'server-reference-manifest.json');

/** A built server action: the id Next.js gave it in this build and a page that can run it. */
export type BuiltAction = { id: string; page: string };

/** A page's address from its worker's name in the manifest ("app/(group)/staff/[id]/page" → "/staff/<unknown id>"). */
const pageAddress = (worker: string) =>
  worker
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .split('/')
    .filter((segment) => !segment.startsWith('('))
    .map((segment) => (segment.startsWith('[') ? UNKNOWN_ID : segment))
    .join('/') || '/';

/**
 * Where the build put each server action: read from `next build`'s own manifest (the ids change with every build),
 * matched to the source file and export that `appActions()` found.
 */
export function builtActions(): Map<string, BuiltAction> {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { node: Record<string, ManifestEntry> };
  const found = new Map<string, BuiltAction>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const page = Object.keys(entry.workers).filter((w) => w.endsWith('/page')).sort()[0];
    if (page) found.set(`${entry.filename}#${entry.exportedName}`, { id, page: pageAddress(page) });
  }
  return found;
}

/**
 * Calls a server action as React 19.3 does from a form (`encodeReply`): a multipart body whose part "0" is the
 * arguments (the ones the page binds, made-up ids unless given; the form's previous state; last, `$K1`, the form),
 * and the form's fields as parts "_1_<name>", before it, which is where React's decoder looks for the form `$K1`
 * stands for.
 * A form action is always given the form, even one that declares no parameter (signing out).
 */
type CallOptions = { headers?: Record<string, string>; bound?: string[]; fields?: Record<string, string> };

export function postAction(request: APIRequestContext, action: AppAction, built: BuiltAction, origin: string, { headers = {}, bound = [], fields = {} }: CallOptions = {}) {
  let nextBound = 0;
  const args = [...action.params.filter((param) => param !== 'formData').map((param) => (/^_?prev/.test(param) ? {} : (bound[nextBound++] ?? UNKNOWN_ID))), '$K1'];
  // In React's order: the form's fields, then the arguments that refer to them. The server's decoder streams the
  // parts and resolves `$K1` when part "0" arrives, from the fields it has seen so far.
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.append('0', JSON.stringify(args));
  return request.post(built.page, {
    headers: { 'next-action': built.id, origin, accept: 'text/x-component', ...headers },
    multipart: body,
    maxRedirects: 0,
  });
}
