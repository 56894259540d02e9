import { sql } from 'drizzle-orm';
import type { Database } from '../index';

/**
 * People to try the portal as, in the demo (README, "People to try in the portal"). Each is a child of the synthetic
 * population in the demo staff's council, renamed and moved to an address of their own, so that their details are
 * known without reading the database: born on `born` (MM-DD), `yearsBefore` years before the year of the as-of date.
 */
export type DemoPerson = {
  givenNames: string;
  familyName: string;
  gender: 'female' | 'male';
  born: string;
  yearsBefore: number;
  line1: string;
  postcode: string;
  /** The parent who signs in for a child (with parental responsibility on the record); their email gets the code. */
  parent?: { givenNames: string; familyName: string; email: string; relationship: 'mother' | 'father' };
  /** Which children of the population to rename: ages (on the as-of date) near the person's. */
  pickAged: [number, number];
};

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { givenNames: 'Ellie', familyName: 'Trevanion', gender: 'female', born: '03-14', yearsBefore: 14, line1: '14 Demonstration Street', postcode: 'DM1 1YP', pickAged: [12, 15] },
  {
    givenNames: 'Noah',
    familyName: 'Marchetti',
    gender: 'male',
    born: '05-02',
    yearsBefore: 4,
    line1: '2 Demonstration Street',
    postcode: 'DM2 2PS',
    parent: { givenNames: 'Sophie', familyName: 'Marchetti', email: 'sophie.marchetti@example.com', relationship: 'mother' },
    pickAged: [2, 6],
  },
  {
    givenNames: 'Isla',
    familyName: 'Achterberg',
    gender: 'female',
    born: '09-21',
    yearsBefore: 13,
    line1: '13 Demonstration Street',
    postcode: 'DM3 3PT',
    parent: { givenNames: 'David', familyName: 'Achterberg', email: 'david.achterberg@example.com', relationship: 'father' },
    pickAged: [12, 15],
  },
  { givenNames: 'Kian', familyName: 'Hollingworth', gender: 'male', born: '08-09', yearsBefore: 17, line1: '17 Demonstration Street', postcode: 'DM4 4YA', pickAged: [15, 17] },
];

/** A demo person's date of birth for a population as of `asOf` (YYYY-MM-DD). */
export const demoPersonBirthday = (person: DemoPerson, asOf: string) => `${Number(asOf.slice(0, 4)) - person.yearsBefore}-${person.born}`;

/**
 * Renames a child of the council (the last by index number of the right age, leaving the first ones to the tests'
 * own picks; not shielded, not a new identity, not staying on) into each demo person, with their parent where they
 * have one. Deterministic: the same population gives the same choices.
 */
export async function createDemoPeople(db: Database, asOf: string, localAuthorityCode: string): Promise<void> {
  const picked: string[] = [];
  for (const person of DEMO_PEOPLE) {
    const [oldest, youngest] = [person.pickAged[1] + 1, person.pickAged[0]];
    const rows = await db.execute<{ child_id: string; address_id: string; town: string; carer_id: string | null }>(sql`
      select c.id as child_id, a.id as address_id, a.town,
        (select cc.carer_id from child_carers cc join carers p on p.id = cc.carer_id
          where cc.child_id = c.id and cc.has_parental_responsibility order by cc.relationship, p.family_name, p.given_names limit 1) as carer_id
      from children c
      join child_addresses ca on ca.child_id = c.id and ca.lived_until is null
      join addresses a on a.id = ca.address_id and a.local_authority_code = ${localAuthorityCode}
      where c.status = 'live' and not c.is_shielded and not c.is_new_identity and c.address_status = 'current' and c.stay_on_until is null
        and c.date_of_death is null
        and c.date_of_birth > ${asOf}::date - make_interval(years => ${oldest}) and c.date_of_birth <= ${asOf}::date - make_interval(years => ${youngest})
        and c.id <> all(${`{${picked.join(',')}}`}::uuid[])
        and (${!person.parent} or exists (select 1 from child_carers cc where cc.child_id = c.id and cc.has_parental_responsibility))
      order by c.index_number desc limit 1`);
    const found = [...rows][0];
    // A population of a few children (the tests' own) may have no one of the age: it goes without this person. The
    // demo's always has them all (db/seed/seed-database.test.ts finds each as the README says).
    if (!found) continue;
    picked.push(found.child_id);
    const [address] = [
      ...(await db.execute<{ id: string }>(sql`
        insert into addresses (line1, town, postcode, local_authority_code)
        values (${person.line1}, ${found.town}, ${person.postcode}, ${localAuthorityCode}) returning id`)),
    ];
    await db.execute(sql`update child_addresses set address_id = ${address!.id} where child_id = ${found.child_id} and lived_until is null`);
    await db.execute(sql`
      update children set given_names = ${person.givenNames}, family_name = ${person.familyName}, gender = ${person.gender},
        date_of_birth = ${demoPersonBirthday(person, asOf)}::date, postcode = ${person.postcode}
      where id = ${found.child_id}`);
    if (person.parent && found.carer_id) {
      await db.execute(sql`
        update carers set given_names = ${person.parent.givenNames}, family_name = ${person.parent.familyName}, email = ${person.parent.email},
          address_id = ${address!.id}
        where id = ${found.carer_id}`);
      await db.execute(sql`update child_carers set relationship = ${person.parent.relationship} where child_id = ${found.child_id} and carer_id = ${found.carer_id}`);
    }
  }
}
