// npm run bench:load-floor -- [--rows N] [--seed S]: the least work any load of a generated source file must do
// against DATABASE_URL's seeded children, timed bare, with nothing else around it: the file copied as it is (no
// checks), the names and postcodes of each row's candidates in one block read (not compared), the changed fields written to the held
// children the file's truth names, the new children inserted and the source's person ids registered. Each step runs
// twice (the second time on a warmer cache); everything but the staging (stageLoad, for the rows' phonetic keys) is
// rolled back. The sum bounds from above the rate a load can reach on this machine and database, whatever the
// matching and applying around it do (docs/benchmarks.md).
import { Readable } from 'node:stream';
import os from 'node:os';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { connect } from '@/db';
import { env } from '@/lib/env.js';
import { generateTruthFile } from './truth-file/truth-file';
import { LOAD_COLUMNS } from '@/lib/loads/load-columns';
import { inParallelLookups } from '@/lib/loads/parallel-lookups';
import { stageLoad } from '@/lib/loads/stage-load';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } } });
const rows = Number(values.rows);
const seed = Number(values.seed);
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a database seeded by npm run bench:seed: the benchmark stages a file into it.');
  process.exit(2);
}

class RollBack extends Error {}
const seconds = (since: number) => (performance.now() - since) / 1000;

const connection = await connect({ url: env.DATABASE_URL, max: 2 });
const { sql, db } = connection;
let loadId: string | undefined;
try {
  const tag = `floor-${Date.now().toString(36)}`;
  const [org] = await sql<{ id: string; la: string }[]>`select id, local_authority_code as la from organisations where kind = 'local_authority' limit 1`;
  const [source] = await sql<{ id: string; code: string }[]>`
    insert into source_systems (code, name, kind, organisation_id, local_authority_code)
    values (${`BENCH-${tag}`}, ${`Benchmark source ${tag}`}, 'school_census', ${org!.id}, ${org!.la}) returning id, code`;
  const { csv, truth } = await generateTruthFile({ sql, rows, sourceCode: source!.code, seed, asOf: '2026-12-01' });
  const bytes = Buffer.from(csv);
  const loadAverage = os.loadavg()[0]!.toFixed(2);
  const t = performance.now();
  ({ loadId } = await stageLoad({
    db, source: source!, fileName: `${tag}.csv`, open: () => Readable.from([bytes]), asOf: '2026-12-01', submittedBy: { kind: 'system', id: null },
  }));
  const stage = seconds(t);

  const timings: { step: string; first: number; again: number; rows: number }[] = [];
  await sql.begin(async (tx) => {
    await tx`set local jit = off`;
    await tx`create temp table floor_truth (row_number int primary key, child_id uuid) on commit drop`;
    for (let at = 0; at < truth.length; at += 10_000) {
      await tx`insert into floor_truth ${tx(truth.slice(at, at + 10_000).map((r) => ({ row_number: r.rowNumber, child_id: r.childId })))}`;
    }
    await tx`analyze floor_truth`;
    const twice = async (step: string, run: (round: number) => Promise<number>) => {
      let start = performance.now();
      const counted = await run(1);
      const first = seconds(start);
      start = performance.now();
      await run(2);
      timings.push({ step, first, again: seconds(start), rows: counted });
    };
    await tx.unsafe(`create temp table floor_file (${LOAD_COLUMNS.map((c) => `${c} text`).join(', ')}) on commit drop`);
    await twice('copy the file as it is into a table of text columns', async () => {
      await tx`truncate floor_file`;
      const stream = await tx`copy floor_file from stdin with (format csv, header true)`.writable();
      await pipeline(Readable.from([bytes]), stream);
      const [copied] = await tx<{ n: number }[]>`select count(*)::int as n from floor_file`;
      return copied!.n;
    });
    // A matcher must read at least the candidates' names and postcodes to compare them: one block's, nothing compared.
    await twice("read the names and postcode of each row's candidates in one block (same birthday, first name sounding the same)", async () => {
      const [counted] = await inParallelLookups(tx, () => tx<{ n: number; length: number }[]>`
        select count(*)::int as n, sum(length(c.given_names) + length(c.family_name) + coalesce(length(c.postcode), 0))::int as length
        from source_load_rows r join children c
          on c.given_name_phonetic = r.given_name_phonetic and c.date_of_birth = r.date_of_birth
        where r.load_id = ${loadId!}`);
      return counted!.n;
    });
    // The first run writes the row's values, the second puts the held ones back: the same rows changed twice.
    await tx`
      create temp table floor_held on commit drop as
      select c.id, c.given_names, c.family_name, c.date_of_birth, c.postcode
      from floor_truth t join source_load_rows r on r.load_id = ${loadId!} and r.row_number = t.row_number join children c on c.id = t.child_id
      where (c.given_names, c.family_name, c.date_of_birth, c.postcode) is distinct from
        (r.given_names, r.family_name, r.date_of_birth, case when c.is_shielded then c.postcode else r.postcode end)`;
    await twice('write the changed names, birthday and postcode to the held children', async (round) => {
      const changed = round === 1
        ? await tx`
            update children c set given_names = r.given_names, family_name = r.family_name, date_of_birth = r.date_of_birth,
              postcode = case when c.is_shielded then c.postcode else r.postcode end, version = c.version + 1
            from floor_held h join floor_truth t on t.child_id = h.id join source_load_rows r on r.load_id = ${loadId!} and r.row_number = t.row_number
            where c.id = h.id`
        : await tx`
            update children c set given_names = h.given_names, family_name = h.family_name, date_of_birth = h.date_of_birth,
              postcode = h.postcode, version = c.version + 1
            from floor_held h where c.id = h.id`;
      return changed.count;
    });
    await twice('insert the new children', async (round) => {
      const made = await tx`
        insert into children (index_number, given_names, family_name, gender, date_of_birth, address_status, postcode)
        select ${`F${round}-`} || r.row_number, r.given_names, r.family_name, r.gender, r.date_of_birth,
          case when r.postcode is null then 'no_known_address' else 'current' end::address_status, r.postcode
        from floor_truth t join source_load_rows r on r.load_id = ${loadId!} and r.row_number = t.row_number
        where t.child_id is null`;
      return made.count;
    });
    await twice("register the source's person id of each held child's row", async (round) => {
      const registered = await tx`
        insert into source_identities (source_system_id, source_person_id, child_id, first_seen_on, last_seen_on)
        select ${source!.id}, r.source_person_id || ${round === 1 ? '' : '-again'}, t.child_id, current_date, current_date
        from floor_truth t join source_load_rows r on r.load_id = ${loadId!} and r.row_number = t.row_number
        where t.child_id is not null
        on conflict do nothing`;
      return registered.count;
    });
    throw new RollBack();
  }).catch((error: unknown) => {
    if (!(error instanceof RollBack)) throw error;
  });

  const [held] = await sql<{ n: number }[]>`select count(*)::int as n from children`;
  const children = held!.n;
  console.log(`${children.toLocaleString('en-GB')} children held; ${rows.toLocaleString('en-GB')} rows staged in ${stage.toFixed(1)} s; load average ${loadAverage} at the start\n`);
  console.log('| step | rows | first | again |');
  console.log('| --- | --- | --- | --- |');
  for (const s of timings) console.log(`| ${s.step} | ${s.rows.toLocaleString('en-GB')} | ${s.first.toFixed(1)} s | ${s.again.toFixed(1)} s |`);
  const floor = (pick: 'first' | 'again') => timings.reduce((sum, s) => sum + s[pick], 0);
  const ceiling = (pick: 'first' | 'again') => Math.round(rows / floor(pick)).toLocaleString('en-GB');
  console.log(`| all of them | | ${floor('first').toFixed(1)} s (at most ${ceiling('first')} rows/s) | ${floor('again').toFixed(1)} s (at most ${ceiling('again')} rows/s) |`);
} finally {
  if (loadId) await sql`delete from source_loads where id = ${loadId}`;
  await connection.close();
}
