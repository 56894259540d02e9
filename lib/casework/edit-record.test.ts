import { and, desc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addresses, auditEvents, carers, childAddresses, children, correctionNotices, localAuthorities, recordVersions, sourceSystems } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { editRecord, type EditRecordOptions } from './edit-record';
import { loadEditableRecord } from './load-editable-record';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 30, seed: 31, asOf: '2026-12-01', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

const childRow = async (id: string) => (await database.db.select().from(children).where(eq(children.id, id)))[0]!;
const currentAddress = async (childId: string) =>
  (
    await database.db
      .select({ line1: addresses.line1, postcode: addresses.postcode, sourceSystemId: childAddresses.sourceSystemId })
      .from(childAddresses)
      .innerJoin(addresses, eq(addresses.id, childAddresses.addressId))
      .where(eq(childAddresses.childId, childId))
  )[0]!;
const newAddress = { line1: '4 Corrected Row', line2: null, town: 'Testbury', postcode: 'LS1 4AP' };

async function edit(child: ChildFixture, overrides: Partial<EditRecordOptions> = {}) {
  const caseworker = overrides.caseworker ?? (await createStaffFixture(database.db, child.localAuthorityCode));
  return editRecord({
    db: database.db,
    caseworker,
    childId: child.childId,
    change: { key: 'address:address', value: newAddress },
    itemId: null,
    reason: 'The school told us the family moved in October',
    expectedVersion: (await childRow(child.childId)).version,
    ...overrides,
  });
}

describe('a caseworker editing a record directly', () => {
  it('changes the item, keeps a version with the reason, audits it and tells the source that sent the item', async () => {
    const child = await createChildFixture(database.db);
    const [source] = await database.db.select().from(sourceSystems).limit(1);
    await database.db.update(childAddresses).set({ sourceSystemId: source!.id }).where(eq(childAddresses.childId, child.childId));
    const before = await childRow(child.childId);

    const version = await edit(child);

    expect(version).toBe(before.version + 1);
    expect(await currentAddress(child.childId)).toMatchObject({ line1: '4 Corrected Row', postcode: 'LS1 4AP', sourceSystemId: null });
    expect((await childRow(child.childId)).postcode).toBe('LS1 4AP');
    const [kept] = await database.db.select().from(recordVersions).where(eq(recordVersions.childId, child.childId)).orderBy(desc(recordVersions.version));
    expect(kept).toMatchObject({ version, reason: 'The school told us the family moved in October', correctionRequestId: null });
    expect(kept!.changes).toContainEqual(expect.objectContaining({ item: 'address', field: 'line1', before: child.secrets.addressLine, after: '4 Corrected Row' }));
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'child.edit')).orderBy(desc(auditEvents.id));
    expect(event).toMatchObject({ childIds: [child.childId], reason: 'The school told us the family moved in October' });
    const [notice] = await database.db.select().from(correctionNotices).where(eq(correctionNotices.childId, child.childId));
    expect(notice).toMatchObject({ sourceSystemId: source!.id, itemKind: 'address', field: 'address', requestId: null, recordVersion: version });
    expect(notice!.correctedValue).toBe('4 Corrected Row, Testbury, LS1 4AP');
  });

  it('keeps a shielded child’s searchable postcode empty', async () => {
    const child = await createChildFixture(database.db, { shielded: true });
    await edit(child);
    expect((await childRow(child.childId)).postcode).toBeNull();
    expect((await currentAddress(child.childId)).line1).toBe('4 Corrected Row');
  });

  it('refuses a practitioner, another council’s caseworker and a caseworker who shares the child’s name and home, changing nothing', async () => {
    const child = await createChildFixture(database.db, { familyName: 'Okonkwo-Baines' });
    const [otherCouncil] = await database.db.select({ code: localAuthorities.code }).from(localAuthorities).where(ne(localAuthorities.code, child.localAuthorityCode)).limit(1);
    const refused = [
      await createStaffFixture(database.db, child.localAuthorityCode, { role: 'practitioner' }),
      await createStaffFixture(database.db, otherCouncil!.code),
      await createStaffFixture(database.db, child.localAuthorityCode, { displayName: 'Ada Baines', line1: child.secrets.addressLine.toLowerCase(), postcode: child.secrets.postcode }),
    ];
    for (const caseworker of refused) {
      await expect(edit(child, { caseworker })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(loadEditableRecord({ db: database.db, caseworker, childId: child.childId })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect((await currentAddress(child.childId)).line1).toBe(child.secrets.addressLine);
    expect(await database.db.select().from(recordVersions).where(eq(recordVersions.childId, child.childId))).toEqual([]);
  });

  it('reports a conflict when the record changed since the caseworker looked, and saves nothing', async () => {
    const child = await createChildFixture(database.db);
    const seen = (await childRow(child.childId)).version;
    await edit(child, { change: { key: 'child:gender', value: { gender: 'not_specified' } }, reason: 'Asked by the young person on the phone' });
    await expect(edit(child, { expectedVersion: seen })).rejects.toMatchObject({ code: 'conflict' });
    expect((await currentAddress(child.childId)).line1).toBe(child.secrets.addressLine);
    expect((await childRow(child.childId)).gender).toBe('not_specified');
  });

  it('changes only the carers of this child, and refuses a change that changes nothing', async () => {
    const child = await createChildFixture(database.db);
    const other = await createChildFixture(database.db);
    const [othersCarer] = await database.db.select({ id: carers.id }).from(carers).where(eq(carers.familyName, other.parentName.split(' ')[1]!));
    const contact = { key: 'carer:details' as const, value: { phone: '0113 496 0123', email: null } };
    await expect(edit(child, { change: contact, itemId: othersCarer!.id })).rejects.toMatchObject({ code: 'conflict' });
    const [untouched] = await database.db.select().from(carers).where(eq(carers.id, othersCarer!.id));
    expect(untouched!.phone).toBe(other.secrets.carerPhone);

    await expect(edit(child, { change: { key: 'child:gender', value: { gender: 'female' } } })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('lists the items a caseworker can change, with their sources, and audits the read', async () => {
    const child = await createChildFixture(database.db);
    const caseworker = await createStaffFixture(database.db, child.localAuthorityCode);
    const editable = await loadEditableRecord({ db: database.db, caseworker, childId: child.childId });
    expect(editable.items.map((i) => i.label)).toEqual(['Name', 'Date of birth', 'Gender', 'Address', `Contact details of ${child.parentName}`]);
    expect(editable.items.find((i) => i.key === 'carer:details')?.value).toEqual({ phone: child.secrets.carerPhone, email: expect.stringContaining('@example.com') });
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'child.view_for_edit'), eq(auditEvents.actorId, caseworker.id)));
    expect(event?.childIds).toEqual([child.childId]);
  });
});
