import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type DrizzleSnapshotJSON, generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from './migrate';
import * as schema from './schema';

// What `drizzle-kit generate` does, without writing a file: the schema as declared, compared with the snapshot the
// latest migration left. A change to db/schema without its migration, or a migration edited by hand after the
// schema moved on, shows here as SQL that a new migration would hold.
type Journal = { entries: { idx: number; tag: string }[] };
const meta = path.join(migrationsFolder, 'meta');
const journal = JSON.parse(readFileSync(path.join(meta, '_journal.json'), 'utf8')) as Journal;
const latest = journal.entries.at(-1)!;
const snapshotFile = `${String(latest.idx).padStart(4, '0')}_snapshot.json`;

describe('the migrations and db/schema', () => {
  it('agree: generating a migration from the schema now would make nothing', async () => {
    const snapshot = JSON.parse(readFileSync(path.join(meta, snapshotFile), 'utf8')) as DrizzleSnapshotJSON;
    const declared = generateDrizzleJson(schema, snapshot.id, undefined, 'snake_case');
    expect(await generateMigration(snapshot, declared)).toEqual([]);
  });

  it('are one list: every SQL file is in the journal, in order, and the journal names no missing file', () => {
    const files = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort();
    expect(files).toEqual(journal.entries.map((e) => `${e.tag}.sql`));
    expect(journal.entries.map((e) => e.idx)).toEqual(journal.entries.map((_, i) => i));
  });

  it('keep only the snapshot the next migration is generated from', () => {
    expect(readdirSync(meta).filter((f) => f.endsWith('_snapshot.json'))).toEqual([snapshotFile]);
  });
});
