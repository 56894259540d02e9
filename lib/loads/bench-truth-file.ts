import type postgres from 'postgres';
import { Random } from '@/db/seed/random';
import { childrenSamplePercent } from './held-sample';
import { LOAD_COLUMNS, type LoadFields } from './load-columns';

/** What a generated row really is: an existing child (by id) or a new one, and how it was made. */
export type TruthRow = { rowNumber: number; childId: string | null; kind: string; shielded: boolean; newIdentity: boolean };

type Held = {
  id: string; givenNames: string; familyName: string; gender: string; dateOfBirth: string; isShielded: boolean; isNewIdentity: boolean; line1: string; town: string; postcode: string;
  carer: { givenNames: string; familyName: string; relationship: string; responsible: boolean } | null;
};
type Address = { line1: string; town: string; postcode: string };

const GENDER_CODE: Record<string, string> = { female: 'F', male: 'M', not_specified: 'U' };
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One keying mistake somewhere after the first letter: a wrong, missing, doubled or swapped letter. */
function typo(rng: Random, name: string): string {
  if (name.length < 3) return `${name}${rng.pick([...LETTERS])}`;
  const at = 1 + rng.int(name.length - 1);
  switch (rng.int(4)) {
    case 0:
      return name.slice(0, at) + rng.pick([...LETTERS]) + name.slice(at + 1);
    case 1:
      return name.slice(0, at) + name.slice(at + 1);
    case 2:
      return name.slice(0, at) + name[at] + name.slice(at);
    default:
      return at < name.length - 1 ? name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2) : name.slice(0, at - 1) + name[at] + name[at - 1];
  }
}

function transposed(dob: string): string | null {
  const [y, m, d] = dob.split('-');
  return Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : null;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A source file with known truth against the children held: most rows are held children as another source would
 * send them (exact, with a typo in either name, a transposed or mistyped date of birth, a move, a changed family
 * name, a mix), the rest new children — a twin of a held child (same family name, birthday and address), a younger
 * sibling at the same address, or someone else entirely. Each row names a carer: the child's first as held, or
 * for one held child in seven another one (a new child: a parent of its own). Deterministic for a seed (given the same
 * database).
 */
export async function generateTruthFile({ sql, rows, sourceCode, seed, asOf }: { sql: postgres.Sql; rows: number; sourceCode: string; seed: number; asOf: string }) {
  const rng = new Random(seed);
  const percent = Number(await childrenSamplePercent(sql, rows * 4));
  const held = await sql<Held[]>`
    select c.id, c.given_names as "givenNames", c.family_name as "familyName", c.gender, c.date_of_birth::text as "dateOfBirth",
           c.is_shielded as "isShielded", c.is_new_identity as "isNewIdentity", a.line1, a.town, a.postcode,
           (select json_build_object('givenNames', k.given_names, 'familyName', k.family_name, 'relationship', cc.relationship, 'responsible', cc.has_parental_responsibility)
            from child_carers cc join carers k on k.id = cc.carer_id where cc.child_id = c.id
            order by cc.has_parental_responsibility desc, k.id limit 1) as carer
    from children c tablesample system (${percent}) repeatable (${seed})
    join child_addresses ca on ca.child_id = c.id and ca.lived_until is null join addresses a on a.id = ca.address_id
    where c.status = 'live' and c.date_of_birth > ${addDays(asOf, -17 * 365)}::date
    limit ${rows}`;
  if (held.length < rows) throw new Error(`Only ${held.length} children sampled for ${rows} rows: seed more children or ask for fewer rows.`);
  const places = await sql<Address[]>`select line1, town, postcode from addresses tablesample system (${Math.min(100, percent)}) repeatable (${seed + 1}) limit ${rows}`;
  const lines = [LOAD_COLUMNS.join(',')];
  const truth: TruthRow[] = [];
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  for (let i = 0; i < rows; i++) {
    const child = held[i % held.length]!;
    const other = held[(i * 7919 + 13) % held.length]!;
    const fields: Partial<LoadFields> = {
      source_system: sourceCode,
      source_person_id: `B${i + 1}`,
      given_names: child.givenNames,
      family_name: child.familyName,
      gender: GENDER_CODE[child.gender],
      date_of_birth: child.dateOfBirth,
      address_line1: child.line1,
      town: child.town,
      postcode: child.postcode,
    };
    let kind: string;
    let childId: string | null = child.id;
    const roll = rng.float();
    const move = () => Object.assign(fields, { address_line1: rng.pick(places).line1, town: rng.pick(places).town, postcode: rng.pick(places).postcode });
    if (roll < 0.38) kind = 'exact';
    else if (roll < 0.5) {
      kind = 'given typo';
      fields.given_names = typo(rng, child.givenNames);
    } else if (roll < 0.62) {
      kind = 'family typo';
      fields.family_name = typo(rng, child.familyName);
    }
    else if (roll < 0.68) {
      const swapped = transposed(child.dateOfBirth);
      kind = swapped ? 'transposed date of birth' : 'date of birth a day out';
      fields.date_of_birth = swapped ?? addDays(child.dateOfBirth, rng.chance(0.5) ? 1 : -1);
    } else if (roll < 0.78) {
      kind = 'moved';
      move();
    } else if (roll < 0.82) {
      kind = 'family name changed';
      fields.family_name = other.familyName;
    } else if (roll < 0.86) {
      kind = 'typo and moved';
      fields.family_name = typo(rng, child.familyName);
      move();
    } else if (roll < 0.9) {
      kind = 'twin';
      childId = null;
      // A twin's name is another child's, with a different first name (twins are not given the same one).
      const first = (names: string) => names.split(' ')[0]!.toLowerCase();
      let k = 1;
      while (first(held[(i * 7919 + 13 + k) % held.length]!.givenNames) === first(child.givenNames)) k += 1;
      const name = held[(i * 7919 + 13 + k) % held.length]!;
      fields.given_names = name.givenNames;
      fields.gender = GENDER_CODE[name.gender];
    } else if (roll < 0.95) {
      kind = 'younger sibling';
      childId = null;
      fields.given_names = other.givenNames;
      fields.gender = GENDER_CODE[other.gender];
      const younger = addDays(child.dateOfBirth, 400 + rng.int(1500));
      fields.date_of_birth = younger > asOf ? addDays(child.dateOfBirth, -(400 + rng.int(1500))) : younger;
    } else {
      kind = 'new child';
      childId = null;
      const third = held[(i * 104729 + 7) % held.length]!;
      Object.assign(fields, { given_names: other.givenNames, family_name: third.familyName, gender: GENDER_CODE[other.gender], date_of_birth: addDays(asOf, -(30 + rng.int(16 * 365))) });
      move();
    }
    // The child's first carer as held — or, one time in seven, another (the other parent, a new partner, a foster
    // carer: sources do not all know the same one). A new child's is a parent of its own: another carer's first name
    // and, five times in six, the child's family name (as for held children: 83% of their carers share it). Chosen by
    // row number, not drawn, so that every other row is generated as before.
    const anotherCarer = held[(i * 104729 + 11) % held.length]!.carer;
    const ownParent = anotherCarer && { ...anotherCarer, familyName: i % 6 === 5 ? anotherCarer.familyName : fields.family_name! };
    const carer = kind === 'new child' ? ownParent : childId !== null && rng.chance(1 / 7) ? anotherCarer : child.carer;
    if (carer) {
      Object.assign(fields, {
        carer1_given_names: carer.givenNames,
        carer1_family_name: carer.familyName,
        carer1_relationship: carer.relationship,
        carer1_parental_responsibility: carer.responsible ? 'Y' : 'N',
      });
    }
    truth.push({ rowNumber: i + 2, childId, kind, shielded: child.isShielded && childId !== null, newIdentity: child.isNewIdentity && childId !== null });
    lines.push(LOAD_COLUMNS.map((c) => quote(fields[c] ?? '')).join(','));
  }
  return { csv: `${lines.join('\n')}\n`, truth };
}
