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

// The portal's ways in: its start page, asking for a sign-in link and being told to check email.
const PORTAL_WAYS_IN = new Set([
  'app/portal/page.tsx',
  'app/portal/sign-in/page.tsx',
  'app/portal/sign-in/sign-in.action.ts',
  'app/portal/check-your-email/page.tsx',
]);
const portal = files('app/portal').filter((f) => /(\/page\.tsx|\.action\.ts|\/route\.ts|\/layout\.tsx)$/.test(f));

describe('the citizen guard', () => {
  it('finds the portal pages and actions to check', () => {
    expect(portal.length).toBeGreaterThanOrEqual(10);
    for (const file of PORTAL_WAYS_IN) expect(portal, file).toContain(file);
  });

  it.each(portal.filter((f) => !PORTAL_WAYS_IN.has(f)))('%s calls requireCitizen first in every export', (file) => {
    const functions = exportedFunctions(readFileSync(path.join(root, file), 'utf8'));
    expect(functions.length, 'exported async functions').toBeGreaterThan(0);
    for (const fn of functions) expect(fn.firstStatement, fn.name).toMatch(/^const \w+ = await requireCitizen\(\)|^await requireCitizen\(\)/);
  });

  // A server action file's every export is a public endpoint: one not written as `export async function` would
  // escape the check above.
  it('exports nothing from a portal action file but guarded async functions and types', () => {
    for (const file of portal.filter((f) => f.endsWith('.action.ts'))) {
      const exports = readFileSync(path.join(root, file), 'utf8').match(/^export .*$/gm) ?? [];
      for (const line of exports) expect(line, file).toMatch(/^export (async function|type) /);
    }
  });

  it('keeps staff guards out of the portal and the citizen guard out of staff pages', () => {
    for (const file of portal) expect(readFileSync(path.join(root, file), 'utf8'), file).not.toContain('requireStaff(');
    for (const file of guarded) expect(readFileSync(path.join(root, file), 'utf8'), file).not.toContain('requireCitizen(');
  });
});
