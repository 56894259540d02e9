import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySecret } from '@/lib/auth/secrets';
import { parseIndexNumber } from '@/lib/kernel/index-number';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { NAME_POOLS } from './data/names';
import { DEMO_ACCOUNTS } from '@/lib/reference/demo-accounts';
import { DEMO_PASSWORD, DEMO_PIN } from '@/lib/reference/demo-credentials';
import { DEMO_PEOPLE, demoPersonBirthday } from './demo-people';
import { matchIdentityStatement } from '@/lib/identity/match-identity-statement';
import { DatabaseNotEmptyError, seedDatabase } from './seed-database';

const AS_OF = '2026-11-25';
const CHILDREN = 1_500;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: CHILDREN, seed: 11, asOf: AS_OF, reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

const one = async <T>(query: Promise<T[]>) => (await query)[0]!;

async function fingerprint() {
  const rows = await database.sql<{ line: string }[]>`
    select concat_ws('|', id, index_number, given_names, family_name, gender, date_of_birth, postcode, is_shielded) as line
    from children order by id`;
  return createHash('sha256').update(rows.map((r) => r.line).join('\n')).digest('hex');
}

describe('the synthetic population', () => {
  it('has exactly the children asked for, each with a valid index number', async () => {
    const rows = await database.sql<{ index_number: string }[]>`select index_number from children`;
    expect(rows).toHaveLength(CHILDREN);
    for (const { index_number } of rows) expect(parseIndexNumber(index_number)).toBe(index_number);
  });

  it('holds children under 18 on the as-of date, except young people staying on until 25', async () => {
    const { too_old, stay_on_wrong } = await one(database.sql<{ too_old: number; stay_on_wrong: number }[]>`
      select count(*) filter (where date_of_birth <= ${AS_OF}::date - interval '18 years' and stay_on_until is null)::int as too_old,
             count(*) filter (where stay_on_until is not null and stay_on_until <> (date_of_birth + interval '25 years')::date)::int as stay_on_wrong
      from children`);
    expect(too_old).toBe(0);
    expect(stay_on_wrong).toBe(0);
    const { future } = await one(database.sql<{ future: number }[]>`
      select count(*)::int as future from children where date_of_birth > ${AS_OF}::date`);
    expect(future).toBe(0);
  });

  it('gives current addresses valid-format English postcodes that match the address history', async () => {
    const rows = await database.sql<{ postcode: string; address_postcode: string }[]>`
      select c.postcode, a.postcode as address_postcode
      from children c
      join child_addresses ca on ca.child_id = c.id and ca.lived_until is null
      join addresses a on a.id = ca.address_id
      where c.address_status = 'current'`;
    expect(rows.length).toBeGreaterThan(CHILDREN * 0.9);
    for (const row of rows) {
      expect(row.postcode).toMatch(/^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][ABD-HJLNP-UW-Z]{2}$/);
      expect(row.postcode).toBe(row.address_postcode);
    }
  });

  it('groups children into households: siblings share an address and their parents', async () => {
    const { shared } = await one(database.sql<{ shared: number }[]>`
      select count(*)::int as shared from (
        select ca.address_id from child_addresses ca where ca.lived_until is null
        group by ca.address_id having count(*) > 1) households`);
    expect(shared).toBeGreaterThan(CHILDREN * 0.15);
    const { without_carer } = await one(database.sql<{ without_carer: number }[]>`
      select count(*)::int as without_carer from children c
      where c.stay_on_until is null and not exists (select 1 from child_carers cc where cc.child_id = c.id)`);
    expect(without_carer).toBe(0);
    const { mothers_with_pr } = await one(database.sql<{ mothers_with_pr: number }[]>`
      select count(*) filter (where has_parental_responsibility)::float / count(*) as mothers_with_pr
      from child_carers where relationship = 'mother'`);
    expect(mothers_with_pr).toBe(1);
  });

  it('shares schools and GP practices between children of the same area', async () => {
    const { children_per_school, children_per_gp } = await one(database.sql<{ children_per_school: number; children_per_gp: number }[]>`
      select (select count(*)::float / count(distinct organisation_id) from education_placements) as children_per_school,
             (select count(*)::float / count(distinct organisation_id) from gp_registrations) as children_per_gp`);
    expect(children_per_school).toBeGreaterThan(20);
    expect(children_per_gp).toBeGreaterThan(100);
    const { outside_area } = await one(database.sql<{ outside_area: number }[]>`
      select count(*)::int as outside_area
      from gp_registrations g
      join organisations o on o.id = g.organisation_id
      join child_addresses ca on ca.child_id = g.child_id and ca.lived_until is null
      join addresses a on a.id = ca.address_id
      where split_part(o.postcode, ' ', 1) <> a.postcode_district
        -- The demo's people to try the portal as live at made-up addresses, whose postcodes README gives.
        and a.postcode <> all(${DEMO_PEOPLE.map((p) => p.postcode)})`);
    expect(outside_area).toBe(0);
  });

  it('draws names from many heritages, with variant spellings of the same name', async () => {
    const { distinct_family } = await one(database.sql<{ distinct_family: number }[]>`
      select count(distinct family_name)::int as distinct_family from children`);
    expect(distinct_family).toBeGreaterThan(300);
    const firstNames = new Set(
      (await database.sql<{ given: string }[]>`select distinct split_part(given_names, ' ', 1) as given from children`).map((r) => r.given),
    );
    const clusters = NAME_POOLS.flatMap((p) => [...p.girls, ...p.boys]).filter((c) => c.length > 1);
    const spelledTwoWays = clusters.filter((c) => c.filter((name) => firstNames.has(name)).length >= 2);
    expect(spelledTwoWays.length).toBeGreaterThan(5);
    const { pools } = await one(database.sql<{ pools: number }[]>`
      select count(distinct family_name)::int as pools from children where family_name in ${database.sql(
        NAME_POOLS.map((p) => p.family[0]![0]!),
      )}`);
    expect(pools).toBeGreaterThan(8);
  });

  it('shields about half a percent of children, each with an active shield naming the responsible authority', async () => {
    const { shielded, with_shield } = await one(database.sql<{ shielded: number; with_shield: number }[]>`
      select count(*) filter (where is_shielded)::int as shielded,
             count(*) filter (where is_shielded and exists (
               select 1 from shields s where s.child_id = c.id and s.lifted_at is null))::int as with_shield
      from children c`);
    expect(shielded).toBe(with_shield);
    expect(shielded).toBeGreaterThan(0);
    expect(shielded / CHILDREN).toBeLessThan(0.03);
  });

  it('records services for a minority, with a consent basis for every sensitive one', async () => {
    const { involved, sensitive_without_basis } = await one(database.sql<{ involved: number; sensitive_without_basis: number }[]>`
      select count(distinct i.child_id)::int as involved,
             count(*) filter (where t.is_sensitive and i.consent_basis is null)::int as sensitive_without_basis
      from involvements i join service_types t on t.code = i.service_type_code`);
    expect(involved).toBeGreaterThan(CHILDREN * 0.05);
    expect(involved).toBeLessThan(CHILDREN * 0.6);
    expect(sensitive_without_basis).toBe(0);
  });

  it('gives every school and council the services it provides, and every provider of a seeded involvement its service', async () => {
    const kinds = await database.sql<{ kind: string; services: string[] }[]>`
      select o.kind, array_agg(distinct s.service_type_code order by s.service_type_code) as services
      from organisations o join organisation_services s on s.organisation_id = o.id
      where o.kind in ('school', 'nursery', 'college') or (o.kind = 'local_authority' and o.code is not null)
      group by o.kind order by o.kind`;
    const council = ['childrens_social_care', 'early_help', 'education_welfare', 'send_support', 'virtual_school'];
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['local_authority', 'school']));
    for (const { kind, services } of kinds) expect(services, kind).toEqual(kind === 'local_authority' ? council : ['education']);
    const { unserved } = await one(database.sql<{ unserved: number }[]>`
      select count(*)::int as unserved from organisations o
      where o.kind in ('school', 'nursery', 'college', 'local_authority')
        and not exists (select 1 from organisation_services s where s.organisation_id = o.id)`);
    expect(unserved).toBe(0);
    const { without_service } = await one(database.sql<{ without_service: number }[]>`
      select count(*)::int as without_service from involvements i
      where not exists (select 1 from organisation_services s
                        where s.organisation_id = i.organisation_id and s.service_type_code = i.service_type_code and s.approved_at is not null)`);
    expect(without_service).toBe(0);
  });

  it('places each demo practitioner in an organisation that provides the service they record as', async () => {
    const rows = await database.sql<{ username: string; services: string[] }[]>`
      select u.username, coalesce(array_agg(s.service_type_code order by s.service_type_code) filter (where s.service_type_code is not null), '{}') as services
      from staff_users u left join organisation_services s on s.organisation_id = u.organisation_id and s.approved_at is not null
      where u.username in ('demo.teacher', 'demo.socialworker', 'demo.sexualhealth')
      group by u.username order by u.username`;
    const services = Object.fromEntries(rows.map((r) => [r.username, r.services]));
    expect(services['demo.teacher']).toEqual(['education']);
    expect(services['demo.socialworker']).toContain('childrens_social_care');
    const [sexualHealth] = await database.sql<{ code: string }[]>`select sensitive_service_code as code from staff_users where username = 'demo.sexualhealth'`;
    expect(sexualHealth!.code).toBeTruthy();
    expect(services['demo.sexualhealth']).toContain(sexualHealth!.code);
  });

  it('says where every item came from', async () => {
    for (const table of ['children', 'child_addresses', 'carers', 'child_carers', 'education_placements', 'gp_registrations', 'involvements']) {
      const { unsourced } = await one(database.sql<{ unsourced: number }[]>`
        select count(*)::int as unsourced from ${database.sql(table)} where source_system_id is null`);
      expect(unsourced, table).toBe(0);
    }
  });

  it('creates the demo accounts, vetted and active, with hashed secrets', async () => {
    const accounts = await database.sql<{ username: string; password_hash: string; pin_hash: string; status: string }[]>`
      select username, password_hash, pin_hash, status from staff_users order by username`;
    expect(accounts.map((a) => a.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    const first = accounts[0]!;
    expect(first.status).toBe('active');
    expect(first.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifySecret(first.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verifySecret(first.pin_hash, DEMO_PIN)).toBe(true);
    expect(await verifySecret(first.pin_hash, '000000')).toBe(false);
  });

  it('puts a second caseworker in the demo caseworker’s index team, so that four eyes can be tried', async () => {
    const rows = await database.sql<{ username: string; role: string; local_authority_code: string; organisation_id: string }[]>`
      select username, role, local_authority_code, organisation_id from staff_users where username in ('demo.caseworker', 'demo.caseworker2') order by username`;
    expect(rows.map((r) => [r.username, r.role])).toEqual([['demo.caseworker', 'caseworker'], ['demo.caseworker2', 'caseworker']]);
    expect(rows[1]!.local_authority_code).toBe(rows[0]!.local_authority_code);
    expect(rows[1]!.organisation_id).toBe(rows[0]!.organisation_id);
  });

  it('makes the people README names to try the portal as, in the demo council, each found by what README says to type', async () => {
    const [council] = await database.sql<{ code: string }[]>`select local_authority_code as code from staff_users where username = 'demo.caseworker'`;
    for (const person of DEMO_PEOPLE) {
      const dateOfBirth = demoPersonBirthday(person, AS_OF);
      const statement = person.parent
        ? { relationship: 'parent' as const, parentGivenName: person.parent.givenNames, parentFamilyName: person.parent.familyName }
        : { relationship: 'self' as const, parentGivenName: undefined, parentFamilyName: undefined };
      const found = await matchIdentityStatement({
        db: database.db,
        statement: { ...statement, childGivenName: person.givenNames, childFamilyName: person.familyName, dateOfBirth, postcode: person.postcode },
        now: new Date(`${AS_OF}T12:00:00Z`),
      });
      expect(found.outcome, `${person.givenNames} ${person.familyName}`).toBe('matched');
      if (found.outcome !== 'matched') continue;
      expect(found.match.carer?.email ?? null).toBe(person.parent?.email ?? null);
      const [held] = await database.sql<{ la: string; n: number }[]>`
        select a.local_authority_code as la, (select count(*)::int from children where given_names = ${person.givenNames} and family_name = ${person.familyName}) as n
        from child_addresses ca join addresses a on a.id = ca.address_id where ca.child_id = ${found.match.childId} and ca.lived_until is null`;
      expect(held).toEqual({ la: council!.code, n: 1 });
    }
  });

  it('refuses to seed over existing children without --reset, and changes nothing', async () => {
    const before = await fingerprint();
    await expect(
      seedDatabase({ connection: database, children: 10, seed: 2, asOf: AS_OF, reset: false, demoAccounts: true }),
    ).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    expect(await fingerprint()).toBe(before);
  });

  it('is deterministic: the same seed gives the same children, a different seed different ones', async () => {
    const first = await fingerprint();
    await seedDatabase({ connection: database, children: CHILDREN, seed: 11, asOf: AS_OF, reset: true, demoAccounts: true });
    expect(await fingerprint()).toBe(first);
    await seedDatabase({ connection: database, children: CHILDREN, seed: 12, asOf: AS_OF, reset: true, demoAccounts: true });
    expect(await fingerprint()).not.toBe(first);
  });

  it('makes no demo accounts and no demo API client unless asked (only demo mode asks)', async () => {
    await seedDatabase({ connection: database, children: 20, seed: 13, asOf: AS_OF, reset: true, demoAccounts: false });
    const { staff, clients } = await one(database.sql<{ staff: number; clients: number }[]>`
      select (select count(*) from staff_users)::int as staff, (select count(*) from api_clients)::int as clients`);
    expect({ staff, clients }).toEqual({ staff: 0, clients: 0 });
  });
});
