import 'server-only';
import type postgres from 'postgres';
import type { AgreementRates } from './estimate-match-weights';
import { LATER_GIVEN_NAMES } from './comparisons';
import { sampleHeldChildren } from './held-sample';

export type MeasureAgreementRatesOptions = { tx: postgres.TransactionSql; loadId: string };

const TRANSPOSED = (dob: string) => `case when extract(day from ${dob}) <= 12 and extract(day from ${dob}) <> extract(month from ${dob})
  then make_date(extract(year from ${dob})::int, extract(day from ${dob})::int, extract(month from ${dob})::int) end`;

const FIRST_MIDDLE_NAME = `split_part(${LATER_GIVEN_NAMES('given_names')}, ' ', 1)`;

/** Each rate: the load's key, the held child's key, and which rows and children count (both sides must have a value). */
const KEYS: Record<keyof AgreementRates, { row: string; child: string; where?: { row: string; child: string } }> = {
  given: { row: `lower(split_part(given_names, ' ', 1))`, child: `given` },
  middle: { row: FIRST_MIDDLE_NAME, child: `middle`, where: { row: `${FIRST_MIDDLE_NAME} <> ''`, child: `middle is not null` } },
  family: { row: `lower(family_name)`, child: `family` },
  dob: { row: `date_of_birth`, child: `dob` },
  dobTransposed: { row: TRANSPOSED('date_of_birth'), child: `dob` },
  postcode: { row: `postcode`, child: `postcode`, where: { row: `postcode is not null`, child: `postcode is not null` } },
  district: { row: `postcode_district`, child: `district`, where: { row: `postcode is not null`, child: `postcode is not null` } },
};

/**
 * How often a random staged row and a random held child agree exactly on each key: Σ over values of the share of
 * the load's rows with it times the share of held children with it, the children's shares counted on the sample of
 * some 200,000 (sampleHeldChildren). Random pairs measure these levels badly: at 20,000 pairs an exact date of birth (about 1 in 6,000)
 * agrees a handful of times, and an exact postcode hardly ever, so their weights swung from load to load. A
 * half-count keeps a rate above nought. Null when the database holds too few children to say.
 */
export async function measureAgreementRates({ tx, loadId }: MeasureAgreementRatesOptions): Promise<AgreementRates | null> {
  await sampleHeldChildren(tx);
  const rate = (name: keyof AgreementRates) => {
    const { row, child, where } = KEYS[name];
    const rows = `select ${row} as k from source_load_rows where load_id = $1 and outcome is distinct from 'rejected'${where ? ` and ${where.row}` : ''}`;
    const held = `select ${child} as k from load_held_sample${where ? ` where ${where.child}` : ''}`;
    return `(select (coalesce(sum(a.n * b.n), 0) + 0.5) / greatest((select count(*) from (${rows}) x)::float8 * (select count(*) from (${held}) y), 1)
             from (select k, count(*)::float8 as n from (${rows}) x where k is not null group by k) a
             join (select k, count(*)::float8 as n from (${held}) y group by k) b using (k)) as "${name}"`;
  };
  const [rates] = await tx.unsafe<(AgreementRates & { held: number })[]>(
    `select (select count(*)::int from load_held_sample) as held, ${(Object.keys(KEYS) as (keyof AgreementRates)[]).map(rate).join(', ')}`,
    [loadId],
  );
  if (!rates || rates.held < 1_000) return null;
  const { held: _held, ...measured } = rates;
  return measured;
}
