import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every staff page and server action must call the guard before anything else (server actions are public POST
// endpoints, and middleware is never the only check). These are the ways in, which by design have no session yet;
// each does its own check of a credential instead.
const PUBLIC_WAYS_IN = new Set([
  'app/staff/sign-in/page.tsx',
  'app/staff/sign-in/sign-in.action.ts',
  'app/staff/enrol-token/page.tsx',
  'app/staff/enrol-token/enrol-token.action.ts',
  'app/staff/activate/[token]/page.tsx',
  'app/staff/activate/[token]/activate.action.ts',
]);

const root = path.resolve(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    return entry.isDirectory() ? files(relative) : [relative];
  });
}

const guarded = files('app/staff').filter((f) => /(\/page\.tsx|\.action\.ts|\/route\.ts|\/layout\.tsx)$/.test(f));

/** Each exported async function, with its first statement. */
function exportedFunctions(source: string) {
  const found: { name: string; firstStatement: string }[] = [];
  const pattern = /export (?:default )?async function (\w+)\s*\([^)]*\)[^{]*\{\s*([^;]*;)/g;
  for (const match of source.matchAll(pattern)) found.push({ name: match[1]!, firstStatement: match[2]!.trim() });
  return found;
}

describe('the staff guard', () => {
  it('finds the staff pages and actions to check', () => {
    expect(guarded.length).toBeGreaterThanOrEqual(10);
  });

  it.each(guarded.filter((f) => !PUBLIC_WAYS_IN.has(f)))('%s calls requireStaff first in every export', (file) => {
    const functions = exportedFunctions(readFileSync(path.join(root, file), 'utf8'));
    expect(functions.length, 'exported async functions').toBeGreaterThan(0);
    for (const fn of functions) expect(fn.firstStatement, fn.name).toMatch(/^const \w+ = await requireStaff\(|^await requireStaff\(/);
  });

  it('admin pages and actions require the administrator role', () => {
    for (const file of guarded.filter((f) => f.startsWith('app/staff/admin/'))) {
      for (const fn of exportedFunctions(readFileSync(path.join(root, file), 'utf8'))) {
        expect(fn.firstStatement, `${file} ${fn.name}`).toContain("requireStaff('administrator')");
      }
    }
  });

  it('keeps the list of public ways in to files that exist', () => {
    for (const file of PUBLIC_WAYS_IN) expect(guarded, file).toContain(file);
  });
});
