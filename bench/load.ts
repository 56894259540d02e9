// npm run bench:load -- [--rows N] [--seed S] [--upper U] [--lower L] [--batch B] [--match-only] [--namesakes natural]: a generated source
// file with known truth, loaded into DATABASE_URL's seeded children (npm run bench:seed first; the load adds to that
// database, unless --match-only: then it is matched and scored but not applied, and the children stay as seeded for
// the next sample), timed by step and scored against the truth. Namesakes are planted (11% of rows) unless
// --namesakes natural (see NamesakeRate). Prints Markdown rows for docs/benchmarks.md and the
// weights EM estimated.
import { Readable } from 'node:stream';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { connect } from '@/db';
import { env } from '@/lib/env.js';
import { applyLoad } from '@/lib/loads/apply-load';
import { generateTruthFile } from './truth-file/truth-file';
import { reportCollisions } from './truth-file/collisions';
import { matchLoad } from '@/lib/loads/match-load';
import { stageLoad } from '@/lib/loads/stage-load';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    upper: { type: 'string' },
    lower: { type: 'string' },
    batch: { type: 'string' },
    'match-only': { type: 'boolean', default: false },
    namesakes: { type: 'string', default: 'planted' },
  },
});
const rows = Number(values.rows);
const namesakes = values.namesakes;
if (namesakes !== 'planted' && namesakes !== 'natural') {
  console.error('--namesakes must be planted or natural');
  process.exit(2);
}
const seed = Number(values.seed);
const thresholds = { ...(values.upper ? { upper: Number(values.upper) } : {}), ...(values.lower ? { lower: Number(values.lower) } : {}) };
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a database seeded by npm run bench:seed: the benchmark loads into it.');
  process.exit(2);
}
const asOf = '2026-12-01';
const connection = await connect({ url: env.DATABASE_URL, max: 2 });
const { sql, db } = connection;
try {
  const tag = `${Date.now().toString(36)}`;
  const [org] = await sql<{ id: string; la: string }[]>`select id, local_authority_code as la from organisations where kind = 'local_authority' limit 1`;
  const [source] = await sql<{ id: string; code: string }[]>`
    insert into source_systems (code, name, kind, organisation_id, local_authority_code)
    values (${`BENCH-${tag}`}, ${`Benchmark source ${tag}`}, 'school_census', ${org!.id}, ${org!.la}) returning id, code`;
  let t = performance.now();
  const { csv, truth } = await generateTruthFile({ sql, rows, sourceCode: source!.code, seed, asOf, namesakes });
  console.log(`generated ${rows.toLocaleString('en-GB')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const bytes = Buffer.from(csv);
  const open = () => Readable.from((function* () { for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20)); })());
  const loadAverage = os.loadavg()[0]!.toFixed(2);
  const timings: Record<string, number> = {};
  t = performance.now();
  const { loadId } = await stageLoad({ db, source: source!, fileName: `bench-${tag}.csv`, open, asOf, submittedBy: { kind: 'system', id: null } });
  timings.stage = (performance.now() - t) / 1000;
  t = performance.now();
  await matchLoad({ db, loadId, thresholds });
  timings.match = (performance.now() - t) / 1000;
  // A table of its own, not a temporary one: the two pooled connections would each see their own temporary table.
  await sql`drop table if exists bench_truth`;
  await sql`create unlogged table bench_truth (row_number int primary key, child_id uuid, kind text, shielded boolean, new_identity boolean, namesake_child uuid, namesake_row int)`;
  for (let at = 0; at < truth.length; at += 5_000) {
    const batch = truth.slice(at, at + 5_000).map((r) => ({
      row_number: r.rowNumber, child_id: r.childId, kind: r.kind, shielded: r.shielded, new_identity: r.newIdentity,
      namesake_child: r.namesakeOf && 'childId' in r.namesakeOf ? r.namesakeOf.childId : null,
      namesake_row: r.namesakeOf && 'rowNumber' in r.namesakeOf ? r.namesakeOf.rowNumber : null,
    }));
    await sql`insert into bench_truth ${sql(batch)}`;
  }
  const wrong = await sql<{ kind: string; weight: number; row: string; linked: string }[]>`
    select t.kind, r.match_weight::int as weight, r.given_names || ' ' || r.family_name || ' ' || r.date_of_birth || ' ' || coalesce(r.postcode, '') as row,
           c.given_names || ' ' || c.family_name || ' ' || c.date_of_birth || ' ' || coalesce(c.postcode, '') as linked
    from bench_truth t join source_load_rows r on r.load_id = ${loadId} and r.row_number = t.row_number join children c on c.id = r.child_id
    where r.outcome = 'linked' and r.child_id is distinct from t.child_id order by t.kind limit 20`;
  console.log('\nWrong automatic links (synthetic children; the held child as it was before the load):');
  for (const w of wrong) console.log(`  ${w.kind} (${w.weight}): ${w.row}  →  ${w.linked}`);
  if (!values['match-only']) {
    t = performance.now();
    // Batches of applyLoad's own size unless --batch says otherwise.
    await applyLoad({ db, loadId, ...(values.batch ? { batchSize: Number(values.batch) } : {}) });
    timings.apply = (performance.now() - t) / 1000;
  }
  const total = timings.stage! + timings.match! + (timings.apply ?? 0);

  const scored = await sql<{ kind: string; rows: number; auto: number; autoRight: number; review: number; reviewRight: number; created: number; createdRight: number; rejected: number }[]>`
    select coalesce(t.kind, 'all') as kind, count(*)::int as rows,
      count(*) filter (where r.outcome = 'linked')::int as auto,
      count(*) filter (where r.outcome = 'linked' and r.child_id = t.child_id)::int as "autoRight",
      count(*) filter (where r.outcome = 'review')::int as review,
      count(*) filter (where r.outcome = 'review' and (t.child_id is null or exists (
        select 1 from match_reviews m where m.load_id = r.load_id and m.row_number = r.row_number and m.candidate_child_id = t.child_id)))::int as "reviewRight",
      count(*) filter (where r.outcome = 'new')::int as created,
      count(*) filter (where r.outcome = 'new' and t.child_id is null)::int as "createdRight",
      count(*) filter (where r.outcome = 'rejected' or r.outcome is null)::int as rejected
    from bench_truth t left join source_load_rows r on r.load_id = ${loadId} and r.row_number = t.row_number
    where not t.new_identity
    group by rollup (t.kind) order by 1`;
  const [special] = await sql<{ shieldedRows: number; shieldedAuto: number; newIdentityRows: number; newIdentityLinked: number; newIdentityHeld: number; rejects: number }[]>`
    select count(*) filter (where t.shielded)::int as "shieldedRows",
           count(*) filter (where t.shielded and r.outcome = 'linked')::int as "shieldedAuto",
           count(*) filter (where t.new_identity)::int as "newIdentityRows",
           count(*) filter (where t.new_identity and r.outcome = 'linked')::int as "newIdentityLinked",
           count(*) filter (where t.new_identity and r.outcome = 'review')::int as "newIdentityHeld",
           (select count(*) from source_load_rejects where load_id = ${loadId})::int as rejects
    from bench_truth t left join source_load_rows r on r.load_id = ${loadId} and r.row_number = t.row_number`;
  const collisions = await reportCollisions(sql, loadId);
  const all = scored.find((s) => s.kind === 'all')!;
  const heldRows = await sql<{ n: number }[]>`select count(*)::int as n from bench_truth where child_id is not null and not new_identity`;
  const held = heldRows[0]!.n;
  const heldRight = await sql<{ n: number }[]>`
    select count(*)::int as n from bench_truth t join source_load_rows r on r.load_id = ${loadId} and r.row_number = t.row_number
    where t.child_id is not null and not t.new_identity and ((r.outcome = 'linked' and r.child_id = t.child_id) or (r.outcome = 'review' and exists (
      select 1 from match_reviews m where m.load_id = r.load_id and m.row_number = r.row_number and m.candidate_child_id = t.child_id)))`;
  const [children] = await sql<{ n: number }[]>`select count(*)::int as n from children`;
  const [weights] = await sql<{ weights: unknown }[]>`select weights from source_loads where id = ${loadId}`;
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(2)}%`);
  console.log('\nBy kind of row (review counted right when the true child is among the candidates shown, or the row is new):');
  console.log('| kind | rows | auto links | right | review | right | new | right |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of scored) console.log(`| ${s.kind} | ${s.rows} | ${s.auto} | ${s.autoRight} | ${s.review} | ${s.reviewRight} | ${s.created} | ${s.createdRight} |`);
  console.log(`\nshielded children's rows: ${special!.shieldedRows}, linked automatically: ${special!.shieldedAuto}; new-identity children's rows: ${special!.newIdentityRows}, linked automatically: ${special!.newIdentityLinked}, held for the index team: ${special!.newIdentityHeld}; rejects ${special!.rejects}`);
  console.log('\n| date | machine (load avg at start) | children held | rows | precision (auto) | recall after review | review band | new persons linked to a held child | rows merged with another child | stage | match | apply | rows/s |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| ${new Date().toISOString().slice(0, 10)} | ${os.cpus().length} cores (${loadAverage}) | ${children!.n.toLocaleString('en-GB')} | ${rows.toLocaleString('en-GB')} | ` +
      `${pct(all.autoRight, all.auto)} | ${pct(heldRight[0]!.n, held)} | ${pct(all.review, all.rows)} | ${collisions.newPersonsLinked} of ${collisions.newPersons} | ${collisions.mergedWrongly} | ` +
      `${timings.stage!.toFixed(1)} s | ${timings.match!.toFixed(1)} s | ` +
      `${timings.apply === undefined ? 'not applied' : `${timings.apply.toFixed(1)} s`} | ${Math.round(rows / total).toLocaleString('en-GB')}${timings.apply === undefined ? ' (staged and matched)' : ''} |`,
  );
  console.log(`\nweights: ${JSON.stringify(weights!.weights)}`);

  // Where the rows near the thresholds fall, by whole match weight: what moving a threshold would trade.
  const near = await sql<{ outcome: string; weight: number; heldOffered: number; heldMissed: number; newChild: number }[]>`
    select r.outcome::text as outcome, floor(r.match_weight)::int as weight,
      count(*) filter (where t.child_id is not null and (r.child_id = t.child_id or exists (
        select 1 from match_reviews m where m.load_id = r.load_id and m.row_number = r.row_number and m.candidate_child_id = t.child_id)))::int as "heldOffered",
      count(*) filter (where t.child_id is not null and r.child_id is distinct from t.child_id and not exists (
        select 1 from match_reviews m where m.load_id = r.load_id and m.row_number = r.row_number and m.candidate_child_id = t.child_id))::int as "heldMissed",
      count(*) filter (where t.child_id is null)::int as "newChild"
    from bench_truth t join source_load_rows r on r.load_id = ${loadId} and r.row_number = t.row_number
    where not t.new_identity and r.outcome in ('linked', 'review', 'new') and r.match_weight between 14 and 32
    group by 1, 2 order by 1, 2`;
  console.log('\nRows by outcome and whole match weight (14–32): the true child linked or offered / not / the row is a new child');
  for (const n of near) console.log(`  ${n.outcome.padEnd(7)} ${String(n.weight).padStart(3)}: ${n.heldOffered} / ${n.heldMissed} / ${n.newChild}`);

} finally {
  await sql`drop table if exists bench_truth`;
  await connection.close();
}
