import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '@/db';
import { applyMigrations } from '@/db/migrate';
import { children, sourceLoadRejects, sourceLoadRows } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { loadCsv, loadText, makeSource } from '@/testing/load-fixtures';
import { viewLoad } from './view-load';
import { withLoadLock } from './with-load-lock';

// Runs on PGlite even when DATABASE_URL points the other tests at a server: the demo's database loads files too,
// without COPY FROM STDIN (its socket server does not take it) and with one connection for the work and the lock.
let embedded: Connection;

beforeAll(async () => {
  embedded = await connect({ embedded: 'memory' });
  await applyMigrations(embedded);
  await seedDatabase({ connection: embedded, children: 20, seed: 79, asOf: '2026-11-25', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await embedded?.close();
});

const row = (source: { code: string }, overrides: Record<string, string> = {}) => ({
  source_system: source.code,
  source_person_id: 'E1',
  given_names: 'Peregrine',
  family_name: 'Quilthorpe',
  gender: 'M',
  date_of_birth: '2015-03-14',
  address_line1: '7 Tab\tAnd \\ Backslash Row',
  town: 'Testbury',
  postcode: 'LS6 2AB',
  carer1_given_names: 'Mary',
  carer1_family_name: 'Quilthorpe',
  carer1_relationship: 'mother',
  carer1_parental_responsibility: 'Y',
  carer1_phone: '0113 496 0000',
  ...overrides,
});

describe('a source load on the embedded database', () => {
  it('stages, matches and applies a file: a new child made, a misspelt one linked, a bad row rejected with its reason', async () => {
    const first = await makeSource(embedded.db);
    const made = await loadText(embedded.db, first, loadCsv([row(first)]));
    const [child] = await embedded.db.select().from(children).where(eq(children.familyName, 'Quilthorpe'));
    expect(child).toMatchObject({ givenNames: 'Peregrine', dateOfBirth: '2015-03-14' });
    const [staged] = await embedded.db.select().from(sourceLoadRows).where(eq(sourceLoadRows.loadId, made.loadId));
    expect(staged).toMatchObject({ outcome: 'new', addressLine1: '7 Tab\tAnd \\ Backslash Row', childId: child!.id });

    const second = await makeSource(embedded.db);
    const { loadId } = await loadText(embedded.db, second, loadCsv([
      row(second, { source_person_id: 'S1', family_name: 'Quilthrope' }),
      row(second, { source_person_id: 'S2', date_of_birth: '2015-02-30' }),
    ]));
    const [linked] = await embedded.db.select().from(sourceLoadRows).where(and(eq(sourceLoadRows.loadId, loadId), eq(sourceLoadRows.rowNumber, 2)));
    expect(linked).toMatchObject({ outcome: 'linked', childId: child!.id });
    const rejects = await embedded.db.select().from(sourceLoadRejects).where(eq(sourceLoadRejects.loadId, loadId));
    expect(rejects).toEqual([expect.objectContaining({ rowNumber: 3, field: 'date_of_birth' })]);
    expect(await embedded.db.select().from(children).where(eq(children.dateOfBirth, '2015-03-14'))).toHaveLength(1);
  });

  it('keeps a second worker off a load one is working, and shows the load as being worked meanwhile', async () => {
    const source = await makeSource(embedded.db);
    const [organisation] = await embedded.sql<{ id: string }[]>`select organisation_id as id from source_systems where id = ${source.id}`;
    const { loadId } = await loadText(embedded.db, source, loadCsv([row(source, { family_name: 'Vexborough' })]));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const working = withLoadLock({ db: embedded.db, loadId, wait: false, work: () => held });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await withLoadLock({ db: embedded.db, loadId, wait: false, work: async () => 'second' })).toEqual({ busy: true });
    expect(await viewLoad({ db: embedded.db, viewer: { organisationId: organisation!.id, national: false }, loadId })).toMatchObject({ beingWorked: true });
    const waiting = withLoadLock({ db: embedded.db, loadId, wait: true, work: async () => 'after' });
    release();
    expect(await working).toEqual({ busy: false, result: undefined });
    expect(await waiting).toEqual({ busy: false, result: 'after' });
    expect(await viewLoad({ db: embedded.db, viewer: { organisationId: organisation!.id, national: false }, loadId })).toMatchObject({ beingWorked: false });
  });
});
