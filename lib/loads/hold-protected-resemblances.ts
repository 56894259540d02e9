import 'server-only';
import type postgres from 'postgres';
import { dateCandidates } from '@/lib/search/date-candidates';
import { type IdentityDetails, type KnownFamilyName, prepareIdentity, type PreparedIdentity, resemblesProtectedChild } from '@/lib/search/resembles-protected-child';

export type HoldProtectedResemblancesOptions = {
  tx: postgres.TransactionSql;
  loadId: string;
  /** The resemblances of the load's rows, as findProtectedResemblances gives them. */
  resemblances: () => Promise<ProtectedResemblance[]>;
};

// The statements below read each row as IdentityDetails, with these columns beside.
type ProtectedRow = IdentityDetails & { id: string; isShielded: boolean };
type LoadRow = IdentityDetails & { rowNumber: number };

/** A protected child as the rule compares it; `seen` marks the row that last met it, so that it is met once a row. */
type Held = { row: ProtectedRow; identity: PreparedIdentity; seen: number };

/**
 * The protected children a search from a row, or for them, could meet: by birthday (as it is, swapped, or one digit
 * out with a family name that sounds alike or at the same postcode) or by district. Some 60,000 at 12 M children,
 * looked up by key for each of a load's rows.
 */
class ProtectedChildren {
  private byDate = new Map<string, Held[]>();
  private byDateAndSound = new Map<string, Map<string, Held[]>>();
  private byDateAndPostcode = new Map<string, Map<string, Held[]>>();
  private byDistrict = new Map<string, Held[]>();
  private slips = new Map<string, { swapped: string | null; oneDigitOut: string[] }>();
  private rowsMet = 0;

  constructor(rows: ProtectedRow[]) {
    const add = (map: Map<string, Held[]>, key: string, held: Held) => {
      const list = map.get(key);
      if (list) list.push(held);
      else map.set(key, [held]);
    };
    const within = (map: Map<string, Map<string, Held[]>>, key: string) => {
      let inner = map.get(key);
      if (!inner) map.set(key, (inner = new Map()));
      return inner;
    };
    for (const row of rows) {
      const held = { row, identity: prepareIdentity(row), seen: 0 };
      add(this.byDate, row.dateOfBirth, held);
      for (const sound of soundsOf(row.familyNames)) add(within(this.byDateAndSound, row.dateOfBirth), sound, held);
      if (row.postcode) add(within(this.byDateAndPostcode, row.dateOfBirth), row.postcode, held);
      if (held.identity.district) for (const key of districtKeys(held.identity)) add(this.byDistrict, key, held);
    }
  }

  // A file's rows share a few thousand birthdays: their slips are worked out once each.
  private slipsOf(date: string) {
    let slips = this.slips.get(date);
    if (!slips) {
      slips = dateCandidates(date);
      this.slips.set(date, slips);
    }
    return slips;
  }

  near(identity: PreparedIdentity): Held[] {
    const mark = ++this.rowsMet;
    const found: Held[] = [];
    const meet = (list: Held[] | undefined) => {
      if (!list) return;
      for (const held of list) {
        if (held.seen === mark) continue;
        held.seen = mark;
        found.push(held);
      }
    };
    const { dateOfBirth, familyNames, postcode } = identity.details;
    const { swapped, oneDigitOut } = this.slipsOf(dateOfBirth);
    meet(this.byDate.get(dateOfBirth));
    if (swapped) meet(this.byDate.get(swapped));
    const sounds = soundsOf(familyNames);
    for (const date of oneDigitOut) {
      if (postcode) meet(this.byDateAndPostcode.get(date)?.get(postcode));
      const bySound = this.byDateAndSound.get(date);
      if (bySound) for (const sound of sounds) meet(bySound.get(sound));
    }
    if (identity.district) for (const key of districtKeys(identity)) meet(this.byDistrict.get(key));
    return found;
  }
}

/**
 * A district holds some hundreds of protected children, so it is looked up with a name: the initial or the sound of
 * the first given name, or of any family name, either way round. Found by postcode, a child must match on both
 * names and score 32 of their 65 points (score.ts); a pair sharing no initial and no sound in any name would need two
 * spellings alike but for their first letters, which this leaves to the birthday's blocks.
 */
function districtKeys(identity: PreparedIdentity): string[] {
  // Given and family names in one set of keys: the search also finds them written the wrong way round.
  const keys = new Set<string>([identity.firstGiven[0] ?? '']);
  if (identity.details.givenPhonetic) keys.add(`~${identity.details.givenPhonetic}`);
  for (const name of identity.names) {
    keys.add(name.folded[0] ?? '');
    for (const sound of [name.phonetic, name.phoneticAlt]) if (sound) keys.add(`~${sound}`);
  }
  return [...keys].map((key) => `${identity.district}|${key}`);
}

const soundsOf = (names: KnownFamilyName[]) => [...new Set(names.flatMap((n) => [n.phonetic, n.phoneticAlt]).filter((s): s is string => Boolean(s)))];

// The current family name, then each part of a double-barrelled one on its own (people use either part), then the
// former names.
const FAMILY_NAMES = (current: string, former: string) => `
  jsonb_build_array(jsonb_build_object('familyName', ${current}, 'phonetic', dmetaphone(${current}), 'phoneticAlt', dmetaphone_alt(${current}), 'former', false))
  || coalesce((select jsonb_agg(jsonb_build_object('familyName', part, 'phonetic', dmetaphone(part), 'phoneticAlt', dmetaphone_alt(part), 'former', false))
               from regexp_split_to_table(${current}, '[- ]+') part where length(part) > 1 and ${current} ~ '[- ]'), '[]'::jsonb)
  || coalesce(${former}, '[]'::jsonb)`;

/** A row of the load that resembles a protected child, and which child. */
export type ProtectedResemblance = { row_number: number; child_id: string; shielded: boolean };

/** Rows of the load compared between yields to the event loop: a web server running the job keeps answering. */
const ROWS_BETWEEN_YIELDS = 2_000;

/**
 * The one rule "resembles a protected child" (lib/search/resembles-protected-child.ts), applied to every staged row of
 * a load: a row that a practitioner's search would put beside a shielded or new-identity child — or that a search for
 * the child would find, once made. The protected children and the rows are read first (`sql`, outside the matching
 * transaction: the staged rows are committed); the comparing, some seconds of Node's time at 12 M children, then runs
 * while PostgreSQL matches, and is awaited by holdProtectedResemblances. A protected child comes first when shielded.
 */
export async function findProtectedResemblances(sql: postgres.Sql, loadId: string): Promise<() => Promise<ProtectedResemblance[]>> {
  const protectedRows = await sql<ProtectedRow[]>`
    select c.id, c.given_names as "givenNames", c.given_name_phonetic as "givenPhonetic", c.date_of_birth::text as "dateOfBirth",
      c.gender::text as gender, c.is_shielded as "isShielded", a.postcode,
      ${sql.unsafe(FAMILY_NAMES('c.family_name', `(select jsonb_agg(jsonb_build_object('familyName', o.family_name, 'phonetic', o.family_name_phonetic,
        'phoneticAlt', dmetaphone_alt(o.family_name), 'former', true)) from other_names o where o.child_id = c.id and o.kind = 'former')`))} as "familyNames"
    from children c
    left join lateral (
      select ca.address_id from child_addresses ca where ca.child_id = c.id and ca.lived_until is null
      order by ca.lived_from desc nulls last limit 1) ca on true
    left join addresses a on a.id = ca.address_id
    where (c.is_shielded or c.is_new_identity) and c.status = 'live'`;
  if (protectedRows.length === 0) return async () => [];
  const rows = await sql<LoadRow[]>`
    select r.row_number as "rowNumber", r.given_names as "givenNames", r.given_name_phonetic as "givenPhonetic",
      r.date_of_birth::text as "dateOfBirth", r.gender::text as gender, r.postcode,
      ${sql.unsafe(FAMILY_NAMES('r.family_name', `(select jsonb_agg(jsonb_build_object('familyName', trim(split_part(f, '|', 2)),
        'phonetic', dmetaphone(trim(split_part(f, '|', 2))), 'phoneticAlt', dmetaphone_alt(trim(split_part(f, '|', 2))), 'former', true))
        from regexp_split_to_table(r.former_names, ';') f where trim(split_part(f, '|', 2)) <> '')`))} as "familyNames"
    from source_load_rows r
    where r.load_id = ${loadId}`;
  const compared = (async () => {
    const protectedChildren = new ProtectedChildren(protectedRows);
    const found: ProtectedResemblance[] = [];
    for (let at = 0; at < rows.length; at += ROWS_BETWEEN_YIELDS) {
      for (const row of rows.slice(at, at + ROWS_BETWEEN_YIELDS)) {
        const identity = prepareIdentity(row);
        const resembled = protectedChildren
          .near(identity)
          .filter((p) => resemblesProtectedChild(identity, p.identity))
          .sort((a, b) => Number(b.row.isShielded) - Number(a.row.isShielded));
        for (const p of resembled) found.push({ row_number: row.rowNumber, child_id: p.row.id, shielded: p.row.isShielded });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    return found;
  })();
  // Awaited later, or never if the transaction fails first: not an unhandled rejection meanwhile.
  compared.catch(() => {});
  return () => compared;
}

/**
 * Holds the rows that resemble a protected child (findProtectedResemblances) and would otherwise make a record or link
 * to one — never for the very child a row is linked to: each waits for a caseworker instead, so nothing made from it
 * can be found until they decide. Whatever else the file carries does not matter: each row is held on its own
 * resemblance. The protected child is added to the row's review, and the row carries it (a shielded one first), so
 * that a record made from it, if a caseworker keeps them apart, is shielded: the record may still be the child under
 * the name a source knew, and a search for the child would find its address. Returns the rows held.
 */
export async function holdProtectedResemblances({ tx, loadId, resemblances }: HoldProtectedResemblancesOptions): Promise<number> {
  const found = await resemblances();
  if (found.length === 0) return 0;
  await tx`
    create temp table load_resemblances on commit drop as
    select x.row_number, x.child_id, x.shielded
    from jsonb_to_recordset(${JSON.stringify(found)}::jsonb) as x(row_number int, child_id uuid, shielded boolean)
    join source_load_rows r on r.load_id = ${loadId} and r.row_number = x.row_number
    where r.outcome in ('new', 'linked', 'review') and r.child_id is distinct from x.child_id`;
  const held = await tx`
    update source_load_rows r set outcome = 'review', child_id = null,
      shield_from_child_id = coalesce(r.shield_from_child_id, h.protected_child)
    from (select row_number, (array_agg(child_id order by shielded desc))[1] as protected_child
          from load_resemblances group by row_number) h
    where r.load_id = ${loadId} and r.row_number = h.row_number`;
  await tx`
    insert into match_reviews (load_id, row_number, candidate_child_id, match_weight, because)
    select ${loadId}, x.row_number, x.child_id, coalesce(s.weight, 0),
      case when x.shielded then 'resembles a shielded record' else 'resembles a record with a new identity' end
    from load_resemblances x
    left join load_scored s on s.row_number = x.row_number and s.child_id = x.child_id
    on conflict do nothing`;
  return held.count;
}
