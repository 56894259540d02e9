import 'server-only';
import type postgres from 'postgres';
import { dateCandidates } from '@/lib/search/date-candidates';
import { type IdentityDetails, type KnownFamilyName, prepareIdentity, type PreparedIdentity, resemblesProtectedChild } from '@/lib/search/resembles-protected-child';

export type HoldProtectedResemblancesOptions = { tx: postgres.TransactionSql; loadId: string };

type IdentityRow = {
  id: string;
  givenNames: string;
  givenPhonetic: string | null;
  familyNames: KnownFamilyName[];
  dateOfBirth: string;
  gender: string;
  postcode: string | null;
};
type ProtectedRow = IdentityRow & { isShielded: boolean };
type LoadRow = IdentityRow & { rowNumber: number; childId: string | null };

const details = (row: IdentityRow): IdentityDetails => ({
  givenNames: row.givenNames,
  givenPhonetic: row.givenPhonetic,
  familyNames: row.familyNames,
  dateOfBirth: row.dateOfBirth,
  gender: row.gender,
  postcode: row.postcode,
});

type Held = { row: ProtectedRow; identity: PreparedIdentity };

/** The protected children a search from `row` or for them could meet: by birthday (and its slips) or district. */
class ProtectedChildren {
  private byDate = new Map<string, Held[]>();
  private byDateAndSound = new Map<string, Held[]>();
  private byDistrict = new Map<string, Held[]>();
  private neighbours = new Map<string, string[]>();

  constructor(rows: ProtectedRow[]) {
    const add = (map: Map<string, Held[]>, key: string, held: Held) => map.set(key, [...(map.get(key) ?? []), held]);
    for (const row of rows) {
      const held = { row, identity: prepareIdentity(details(row)) };
      add(this.byDate, row.dateOfBirth, held);
      const current = row.familyNames[0];
      for (const sound of new Set([current?.phonetic, current?.phoneticAlt])) if (sound) add(this.byDateAndSound, `${row.dateOfBirth}|${sound}`, held);
      if (held.identity.district) add(this.byDistrict, held.identity.district, held);
    }
  }

  private oneDigitOut(date: string): string[] {
    let dates = this.neighbours.get(date);
    if (!dates) {
      dates = dateCandidates(date).oneDigitOut;
      this.neighbours.set(date, dates);
    }
    return dates;
  }

  near(identity: PreparedIdentity): Held[] {
    const { dateOfBirth, familyNames } = identity.details;
    const found = new Set<Held>(this.byDate.get(dateOfBirth) ?? []);
    const swapped = dateCandidates(dateOfBirth).swapped;
    for (const held of (swapped && this.byDate.get(swapped)) || []) found.add(held);
    const sounds = new Set(familyNames.flatMap((n) => [n.phonetic, n.phoneticAlt]).filter((s): s is string => Boolean(s)));
    for (const date of this.oneDigitOut(dateOfBirth)) {
      for (const held of this.byDate.get(date) ?? []) {
        // A shared postcode needs no name to resemble; a name that sounds alike is what the search's own block reads.
        if (identity.details.postcode && identity.details.postcode === held.row.postcode) found.add(held);
      }
      for (const sound of sounds) for (const held of this.byDateAndSound.get(`${date}|${sound}`) ?? []) found.add(held);
    }
    for (const held of (identity.district && this.byDistrict.get(identity.district)) || []) found.add(held);
    return [...found];
  }
}

// The current family name, then each part of a double-barrelled one on its own (people use either part), then the
// former names.
const FAMILY_NAMES = (current: string, former: string) => `
  jsonb_build_array(jsonb_build_object('familyName', ${current}, 'phonetic', dmetaphone(${current}), 'phoneticAlt', dmetaphone_alt(${current}), 'former', false))
  || coalesce((select jsonb_agg(jsonb_build_object('familyName', part, 'phonetic', dmetaphone(part), 'phoneticAlt', dmetaphone_alt(part), 'former', false))
               from regexp_split_to_table(${current}, '[- ]+') part where length(part) > 1 and ${current} ~ '[- ]'), '[]'::jsonb)
  || coalesce(${former}, '[]'::jsonb)`;

/**
 * The one rule "resembles a protected child" (lib/search/resembles-protected-child.ts), applied to the rows of a
 * load that would otherwise make a record or link to one: a row that a practitioner's search would put beside a
 * shielded or new-identity child — or that a search for the child would find, once made — waits for a caseworker
 * instead, so nothing made from it can be found until they decide. Whatever else the file carries does not matter:
 * each row is held on its own resemblance. The protected child is added to the row's review, and the row carries it
 * (a shielded one first), so that a record made from it, if a caseworker keeps them apart, is shielded: the record
 * may still be the child under the name a source knew, and a search for the child would find its address. Returns
 * the rows held.
 */
export async function holdProtectedResemblances({ tx, loadId }: HoldProtectedResemblancesOptions): Promise<number> {
  const protectedRows = await tx<ProtectedRow[]>`
    select c.id, c.given_names as "givenNames", c.given_name_phonetic as "givenPhonetic", c.date_of_birth::text as "dateOfBirth",
      c.gender::text as gender, c.is_shielded as "isShielded", a.postcode,
      ${tx.unsafe(FAMILY_NAMES('c.family_name', `(select jsonb_agg(jsonb_build_object('familyName', o.family_name, 'phonetic', o.family_name_phonetic,
        'phoneticAlt', dmetaphone_alt(o.family_name), 'former', true)) from other_names o where o.child_id = c.id and o.kind = 'former')`))} as "familyNames"
    from children c
    left join lateral (
      select ca.address_id from child_addresses ca where ca.child_id = c.id and ca.lived_until is null
      order by ca.lived_from desc nulls last limit 1) ca on true
    left join addresses a on a.id = ca.address_id
    where (c.is_shielded or c.is_new_identity) and c.status = 'live'`;
  if (protectedRows.length === 0) return 0;
  const protectedChildren = new ProtectedChildren(protectedRows);

  const rows = await tx<LoadRow[]>`
    select r.row_number as "rowNumber", r.child_id as "childId", r.given_names as "givenNames", r.given_name_phonetic as "givenPhonetic",
      r.date_of_birth::text as "dateOfBirth", r.gender::text as gender, r.postcode,
      ${tx.unsafe(FAMILY_NAMES('r.family_name', `(select jsonb_agg(jsonb_build_object('familyName', trim(split_part(f, '|', 2)),
        'phonetic', dmetaphone(trim(split_part(f, '|', 2))), 'phoneticAlt', dmetaphone_alt(trim(split_part(f, '|', 2))), 'former', true))
        from regexp_split_to_table(r.former_names, ';') f where trim(split_part(f, '|', 2)) <> '')`))} as "familyNames"
    from source_load_rows r
    where r.load_id = ${loadId} and r.outcome in ('new', 'linked', 'review')`;

  const held: { row_number: number; child_id: string; shielded: boolean }[] = [];
  for (const row of rows) {
    const identity = prepareIdentity(details(row));
    const resembled = protectedChildren
      .near(identity)
      .filter((p) => p.row.id !== row.childId && resemblesProtectedChild(identity, p.identity))
      // A shielded child first: the row then carries it, and any record made from the row is shielded.
      .sort((a, b) => Number(b.row.isShielded) - Number(a.row.isShielded));
    for (const p of resembled) held.push({ row_number: row.rowNumber, child_id: p.row.id, shielded: p.row.isShielded });
  }
  if (held.length === 0) return 0;

  const resemblances = tx`jsonb_to_recordset(${JSON.stringify(held)}::jsonb) as x(row_number int, child_id uuid, shielded boolean)`;
  await tx`
    update source_load_rows r set outcome = 'review', child_id = null,
      shield_from_child_id = coalesce(r.shield_from_child_id, h.protected_child)
    from (select row_number, (array_agg(child_id order by shielded desc))[1] as protected_child
          from ${resemblances} group by row_number) h
    where r.load_id = ${loadId} and r.row_number = h.row_number`;
  await tx`
    insert into match_reviews (load_id, row_number, candidate_child_id, match_weight, because)
    select ${loadId}, x.row_number, x.child_id, coalesce(s.weight, 0),
      case when x.shielded then 'resembles a shielded record' else 'resembles a record with a new identity' end
    from ${resemblances}
    left join load_scored s on s.row_number = x.row_number and s.child_id = x.child_id
    on conflict do nothing`;
  return new Set(held.map((h) => h.row_number)).size;
}
