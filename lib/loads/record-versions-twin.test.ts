import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, recordVersions } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { writeRecordVersion } from '@/lib/kernel/write-record-version';
import { asSentBy, loadCsv, loadText, makeSource, person } from '@/testing/load-fixtures';

// A load writes record versions set-based (apply-new-records.ts, apply-linked-changes.ts), the SQL twin of
// writeRecordVersion. Given the same change, the twin must leave the row the writer leaves: the same columns filled
// the same way, the version the child's own, the child's version moved on with it.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 5, seed: 73, asOf: '2026-11-25', reset: false, demoAccounts: false });
});
afterAll(async () => {
  await database?.drop();
});

/** A version as the history shows it: everything but its own id, its child and its time. */
async function versionsOf(childId: string) {
  const rows = await database.db.select().from(recordVersions).where(eq(recordVersions.childId, childId)).orderBy(recordVersions.version);
  return rows.map(({ id: _id, childId: _child, changedAt: _at, ...rest }) => rest);
}
const versionOfChild = async (childId: string) => (await database.db.select({ version: children.version }).from(children).where(eq(children.id, childId)))[0]!.version;

/** Two children alike, each made by a load of their own source: the twin works on one, the writer on the other. */
async function twoHeldChildren() {
  const made = [];
  for (let i = 0; i < 2; i += 1) {
    const source = await makeSource(database.db);
    const p = person(source);
    await loadText(database.db, source, loadCsv([p]), { fileName: 'first.csv' });
    const [child] = await database.db.select().from(children).where(eq(children.familyName, p.family_name));
    made.push({ child: child!, source, p });
  }
  return made as [(typeof made)[number], (typeof made)[number]];
}

describe('the loads’ SQL twin of writeRecordVersion', () => {
  it('gives a new record its first version as the writer’s columns have it: no member of staff or request, the source named', async () => {
    const [{ child, source }] = await twoHeldChildren();
    expect(await versionOfChild(child.id)).toBe(1);
    expect(await versionsOf(child.id)).toEqual([
      { version: 1, changedByStaffId: null, sourceSystemId: source.id, correctionRequestId: null, reason: 'Created by load first.csv, row 2', changes: [] },
    ]);
  });

  it('writes a linked child’s change as the writer writes the same change', async () => {
    const [byLoad, byWriter] = await twoHeldChildren();
    const other = await makeSource(database.db);
    await loadText(database.db, other, loadCsv([asSentBy(other, byLoad.p, { carer1_phone: '0113 496 0999' })]), { asOf: '2026-12-03', fileName: 'second.csv' });
    const [, loaded] = await versionsOf(byLoad.child.id);
    expect(loaded).toMatchObject({ version: 2, reason: 'Load second.csv, row 2', sourceSystemId: other.id });
    expect(loaded!.changes).toEqual([expect.objectContaining({ item: 'carer', field: 'phone', after: '0113 496 0999' })]);

    await writeRecordVersion({ db: database.db, childId: byWriter.child.id, changedByStaffId: null, reason: loaded!.reason, changes: loaded!.changes, sourceSystemId: other.id });
    const [, written] = await versionsOf(byWriter.child.id);
    expect(written).toEqual(loaded);
    expect(await versionOfChild(byWriter.child.id)).toBe(await versionOfChild(byLoad.child.id));
  });
});
