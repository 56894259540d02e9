import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = path.resolve(import.meta.dirname, '..', '..', 'app');

// A date written as the computer keeps it ("2026-12-04", or the browser's own way) rather than through formatDate or
// formatDateTime: the ISO form cut from a moment, the browser's locale formats, or a date column put straight into
// the page ({user.policeCheckExpiresOn}, {row.addedAt}).
const RAW_DATE = [/\.toISOString\(\)/, /\.toLocale(Date|Time)String\(/, /\.toLocaleString\([^)]*timeZone/, /(?<!=)\{[\w.?!]*(On|At|dateOfBirth|DateOfBirth|dateOfDeath)\}/];

const pages = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? pages(full) : entry.name.endsWith('.tsx') ? [full] : [];
  });

describe('dates shown to people', () => {
  it('are written as GOV.UK writes them ("4 December 2026") on every page, through lib/kernel/dates.ts', () => {
    const raw = pages(APP).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(APP, file)}:${i + 1}` }))
        .filter(({ line }) => RAW_DATE.some((pattern) => pattern.test(line)))
        .map(({ line, at }) => `${at}: ${line.trim()}`),
    );
    expect(raw).toEqual([]);
  });
});
