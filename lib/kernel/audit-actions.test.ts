import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from '@/lib/corrections/request-transitions';
import { ARCHIVE_VIEW_ACTION } from '@/lib/retention/look-up-archived-record';
import { AUDIT_ACTIONS } from './audit-actions';

const lib = path.resolve(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });

describe('the audit explorer’s list of actions', () => {
  it('has a plain-English label for every action the code writes', () => {
    const written = new Set<string>();
    for (const file of sources(lib)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/action: (?:\w+ \? )?'([a-z_.]+)'(?: : '([a-z_.]+)')?/g)) {
        written.add(match[1]!);
        if (match[2]) written.add(match[2]);
      }
    }
    // Written from a variable: the request commands, and an administrator's changes to an account.
    for (const command of Object.keys(TRANSITIONS)) written.add(`correction.${command}`);
    for (const change of ['suspend', 'reinstate', 'reset_token']) written.add(`staff_admin.${change}`);
    written.add(ARCHIVE_VIEW_ACTION);
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((action) => !(action in AUDIT_ACTIONS))).toEqual([]);
  });
});
