import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from './index';
import { applyMigrations } from './migrate';

// Runs on PGlite even when DATABASE_URL points the other tests at a server, so both databases are always proven.
const dataDir = mkdtempSync(path.join(tmpdir(), 'childrens-index-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded database', () => {
  // Two boots of the WebAssembly database and every migration: half a minute alone on two cores, over the default
  // minute beside the other test files (it failed so in a full run without DATABASE_URL).
  it('applies every migration, with the search extensions, and keeps data across restarts', { timeout: 240_000 }, async () => {
    const first = await connect({ embedded: { dataDir } });
    try {
      expect(first.embedded).toBe(true);
      await applyMigrations(first);
      await first.sql`insert into local_authorities values ('E06000010', 'Kingston upon Hull', '01632 960000', 'index@hull.example.org')`;
      const [row] = await first.sql<{ code: string; similarity: number }[]>`
        select dmetaphone('Hull') as code, similarity('Smith', 'Smyth') as similarity`;
      expect(row!.code).toBe('HL');
      expect(row!.similarity).toBeGreaterThan(0.3);
    } finally {
      await first.close();
    }
    const second = await connect({ embedded: { dataDir } });
    try {
      await applyMigrations(second); // nothing left to apply, and no error
      const rows = await second.sql<{ name: string }[]>`select name from local_authorities`;
      expect(rows.map((r) => r.name)).toEqual(['Kingston upon Hull']);
    } finally {
      await second.close();
    }
  });

  it('refuses a second opener of the same data folder, naming the process that holds it', async () => {
    const holder = await connect({ embedded: { dataDir } });
    try {
      // The lock records this process; pretend another live process holds it.
      const lockFile = path.join(dataDir, 'pglite.lock');
      writeFileSync(lockFile, String(process.ppid));
      await expect(connect({ embedded: { dataDir } })).rejects.toThrow(`in use by process ${process.ppid}`);
    } finally {
      await holder.close();
    }
  });
});
