import type postgres from 'postgres';
import { Random } from '@/db/seed/random';
import { childrenSamplePercent } from '@/lib/loads/held-sample';
import { addDays } from './row-edits';
import { type Address, type Held, type NamesakeRate, writeTruthFile } from './write-truth-file';

export type { TruthRow } from './write-truth-file';

/**
 * A source file with known truth against the children held: most rows are held children as another source would
 * send them (exact, with a typo in either name, a transposed or mistyped date of birth, a move — also of a child
 * whose name many share —, a changed family name, a mix), the rest new persons — a twin of a held child (same family
 * name, birthday and address), a younger sibling at the same address, someone else entirely, a namesake of a held
 * child (the same first and family name, gender and birthday, living elsewhere, with a parent of their own), or a
 * namesake of an earlier new child in the same file (another source id, another address). Namesakes are drawn as
 * they occur: a common name far more often than a rare one. Each row names a carer: the child's first as held, or
 * for one held child in seven another one (a new person: a parent of their own), with the phone and email the source
 * knows, and the school the child attends (after a move, half the time another). Deterministic for a seed (given
 * the same database).
 */
export async function generateTruthFile({ sql, rows, sourceCode, seed, asOf, namesakes }: { sql: postgres.Sql; rows: number; sourceCode: string; seed: number; asOf: string; namesakes?: NamesakeRate }) {
  const rng = new Random(seed);
  const percent = Number(await childrenSamplePercent(sql, rows * 4));
  const held = await sql<Held[]>`
    select c.id, c.given_names as "givenNames", c.family_name as "familyName", c.gender, c.date_of_birth::text as "dateOfBirth",
           c.is_shielded as "isShielded", c.is_new_identity as "isNewIdentity", a.line1, a.town, a.postcode,
           (select json_build_object('givenNames', k.given_names, 'familyName', k.family_name, 'relationship', cc.relationship, 'responsible', cc.has_parental_responsibility,
                                     'phone', k.phone, 'email', k.email)
            from child_carers cc join carers k on k.id = cc.carer_id where cc.child_id = c.id
            order by cc.has_parental_responsibility desc, k.id limit 1) as carer,
           (select o.code from education_placements ep join organisations o on o.id = ep.organisation_id
            where ep.child_id = c.id and ep.ended_on is null order by ep.started_on desc nulls last limit 1) as "schoolUrn"
    from children c tablesample system (${percent}) repeatable (${seed})
    join child_addresses ca on ca.child_id = c.id and ca.lived_until is null join addresses a on a.id = ca.address_id
    where c.status = 'live' and c.date_of_birth > ${addDays(asOf, -17 * 365)}::date
    limit ${rows}`;
  if (held.length < rows) throw new Error(`Only ${held.length} children sampled for ${rows} rows: seed more children or ask for fewer rows.`);
  const places = await sql<Address[]>`select line1, town, postcode from addresses tablesample system (${Math.min(100, percent)}) repeatable (${seed + 1}) limit ${rows}`;
  return writeTruthFile({ rng, held, places, rows, sourceCode, asOf, namesakes });
}
