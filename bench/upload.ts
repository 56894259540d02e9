// npm run bench:upload -- [--megabytes 150] [--seconds 15] [--port 3597] [--separate-worker]
// The built app (`npm start`, the job worker inside it as by default, or with --separate-worker in a process of its
// own: JOBS_IN_APP=false beside `npm run worker`) against DATABASE_URL (seeded, e.g.
// `npm run db:seed -- --children 100000`). Two probes run throughout, each one request at a time: GET /api/health
// every 100 ms, and a search through the API (the demo client's key) every 250 ms. First quiet, then while a
// generated load file of --megabytes is sent to POST /api/v1/loads, then while the job worker checks and stages it.
// Prints each probe's latency percentiles per phase as Markdown for docs/benchmarks.md. The staged load is deleted
// at the end (the server is stopped first, before its matching has applied anything).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoApiClient } from '@/lib/reference/demo-credentials';
import { connectForSeeding } from '@/db/seed/seed-database';
import { env } from '@/lib/env.js';
import { LOAD_COLUMNS } from '@/lib/loads/load-columns';

const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '150' }, seconds: { type: 'string', default: '15' }, port: { type: 'string', default: '3597' }, 'separate-worker': { type: 'boolean', default: false } } });
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a seeded PostgreSQL database (npm run db:seed -- --children 100000).');
  process.exit(2);
}
const megabytes = Number(values.megabytes);
const quietSeconds = Number(values.seconds);
const port = Number(values.port);
const base = `http://localhost:${port}`;
const key = demoApiClient().key;

// --- The source system, a child to search for, and the file. ---
const connection = await connectForSeeding();
const [source] = await connection.sql<{ code: string }[]>`
  select s.code from source_systems s join api_clients a on a.organisation_id = s.organisation_id where a.id = ${demoApiClient().id} order by s.code limit 1`;
if (!source) throw new Error('The demo API client’s council has no source system: seed with npm run db:seed');
const sourceCode = source.code;
const [child] = await connection.sql<{ familyName: string; givenNames: string; dateOfBirth: string }[]>`
  select family_name as "familyName", given_names as "givenNames", date_of_birth::text as "dateOfBirth"
  from children where not is_shielded and status = 'live' order by index_number limit 1`;
const searchBody = JSON.stringify({ reason: 'working_with_child', familyName: child!.familyName, givenName: child!.givenNames.split(' ')[0], dateOfBirth: child!.dateOfBirth });

const SYLLABLES = ['ka', 'lo', 'mi', 'zu', 're', 'tho', 'vin', 'dra', 'sel', 'pum', 'gor', 'wex', 'bly', 'nak', 'fro', 'quil', 'jas', 'yot', 'hib', 'cev'];
/** A family name no one else in the file has: the row's number in base 20, a syllable a digit. */
const familyName = (n: number) => {
  let name = '';
  for (let rest = n, i = 0; i < 5; i++, rest = Math.floor(rest / 20)) name += SYLLABLES[rest % 20];
  return name.charAt(0).toUpperCase() + name.slice(1);
};
const directory = mkdtempSync(path.join(os.tmpdir(), 'bench-upload-'));
const file = path.join(directory, 'upload.csv');
{
  const out = createWriteStream(file);
  out.write(`${LOAD_COLUMNS.join(',')}\n`);
  const run = Date.now().toString(36);
  for (let n = 0; out.bytesWritten + out.writableLength < megabytes * 2 ** 20; n++) {
    const family = familyName(n);
    const row: Record<string, string> = {
      source_system: sourceCode, source_person_id: `BENCH-${run}-${n}`, given_names: ['Ottoline', 'Peregrine', 'Wilhelmina', 'Barnaby'][n % 4]!, family_name: family,
      gender: n % 2 ? 'F' : 'M', date_of_birth: `${2009 + (n % 14)}-0${1 + (n % 9)}-1${n % 9}`, address_line1: `${n % 200} Benchmark Row`, town: 'Testbury',
      postcode: `LS${1 + (n % 29)} ${n % 10}QT`, carer1_given_names: 'Mary', carer1_family_name: family, carer1_relationship: 'mother',
      carer1_parental_responsibility: 'Y', carer1_phone: '0113 496 0000', school_urn: '', gp_practice_code: '',
    };
    if (!out.write(`${LOAD_COLUMNS.map((c) => row[c] ?? '').join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
const fileBytes = statSync(file).size;

// --- The app. ---
const root = path.resolve(import.meta.dirname, '..');
// eslint-disable-next-line no-restricted-syntax -- the child process inherits this one's environment as a whole
const inherited = process.env;
// Demo mode: the bench needs no mail server and sends no email; the allowance is lifted, the probes measure the upload.
const appEnv: NodeJS.ProcessEnv = {
  ...inherited,
  NODE_ENV: 'production',
  DEMO_MODE: 'true',
  PORT: String(port),
  AUTH_SECRET: 'bench-only-secret-bench-only-secret-bench',
  APP_URL: base,
  DATA_DIR: directory,
  LOAD_UPLOAD_MAX_MB: String(Math.ceil(megabytes) + 1),
  SEARCH_BURST_PER_API_KEY: '1000000',
  SEARCH_PER_MINUTE_PER_API_KEY: '1000000',
  JOBS_IN_APP: values['separate-worker'] ? 'false' : 'true',
};
const server = spawn(process.execPath, [path.join(root, 'server.js')], { cwd: root, env: appEnv, stdio: ['ignore', 'ignore', 'inherit'] });
const worker = values['separate-worker']
  ? // At a lower CPU priority than the web server, as README's deployment advice runs it: on shared cores, pages first.
    spawn('nice', ['-n', '10', path.join(root, 'node_modules', '.bin', 'tsx'), '--conditions=react-server', path.join(root, 'lib', 'jobs', 'worker-cli.ts')], {
      cwd: root,
      env: appEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  : null;

type Phase = 'quiet' | 'upload' | 'check';
let phase: Phase = 'quiet';
let probing = true;
const samples: Record<'health' | 'search', Record<Phase, number[]>> = { health: { quiet: [], upload: [], check: [] }, search: { quiet: [], upload: [], check: [] } };
const failures: string[] = [];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function probe(kind: 'health' | 'search', every: number) {
  while (probing) {
    const started = performance.now();
    const during = phase;
    const answer = await (kind === 'health'
      ? fetch(`${base}/api/health`)
      : fetch(`${base}/api/v1/children/search`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: searchBody })
    ).catch((error: unknown) => error as Error);
    const took = performance.now() - started;
    if (answer instanceof Error || !answer.ok) failures.push(`${kind}: ${answer instanceof Error ? answer.message : answer.status}`);
    else await answer.arrayBuffer();
    if (during === phase) samples[kind][during].push(took);
    await pause(Math.max(0, every - took));
  }
}

/** Sends the file as an API client would, streamed from disk; resolves with the answer. */
function sendFile(): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}/api/v1/loads?source=${encodeURIComponent(sourceCode)}&fileName=bench-upload.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv', 'content-length': String(fileBytes) },
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (piece: string) => (body += piece));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    createReadStream(file).pipe(request);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const describe = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return [sorted.length, ...[50, 95, 99].map((p) => percentile(sorted, p).toFixed(0)), (sorted.at(-1) ?? NaN).toFixed(0)];
};

let loadId: string | undefined;
let exitCode = 1;
const seconds = { upload: 0, check: 0 };
try {
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    await pause(1000);
  }
  // Warm: the first requests compile nothing in a production build, but open the database connections.
  for (let i = 0; i < 20; i++) await fetch(`${base}/api/v1/children/search`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: searchBody });
  const probes = [probe('health', 100), probe('search', 250)];
  await pause(quietSeconds * 1000);

  phase = 'upload';
  let mark = performance.now();
  const answer = await sendFile();
  seconds.upload = (performance.now() - mark) / 1000;
  if (answer.status !== 202) throw new Error(`The upload was answered ${answer.status}: ${answer.body}`);
  loadId = (JSON.parse(answer.body) as { id: string }).id;

  phase = 'check';
  mark = performance.now();
  for (;;) {
    const [upload] = await connection.sql<{ status: string }[]>`select status from load_uploads where id = ${loadId}`;
    if (upload?.status !== 'checking') {
      if (upload?.status !== 'staged') throw new Error(`The check ended ${upload?.status ?? 'with the upload gone'}`);
      break;
    }
    await pause(200);
  }
  seconds.check = (performance.now() - mark) / 1000;
  probing = false;
  await Promise.all(probes);
  exitCode = failures.length ? 1 : 0;
} finally {
  probing = false;
  server.kill('SIGTERM');
  worker?.kill('SIGTERM');
  await Promise.all([once(server, 'exit'), worker && once(worker, 'exit')]);
  if (loadId) await connection.sql`delete from source_loads where id = ${loadId}`;
  if (loadId) await connection.sql`delete from load_uploads where id = ${loadId}`;
  await connection.close();
  rmSync(directory, { recursive: true, force: true });
}

console.log(`\nA ${(fileBytes / 2 ** 20).toFixed(0)} MiB load file (${fileBytes.toLocaleString('en-GB')} bytes): sent in ${seconds.upload.toFixed(1)} s, checked and staged by the job worker (${values['separate-worker'] ? 'a process of its own' : 'inside the web server'}) in ${seconds.check.toFixed(1)} s.\n`);
console.log('| probe | phase | requests | p50 ms | p95 ms | p99 ms | max ms |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const kind of ['health', 'search'] as const) {
  for (const p of ['quiet', 'upload', 'check'] as const) console.log(`| ${kind === 'health' ? 'GET /api/health' : 'API search'} | ${p} | ${describe(samples[kind][p]).join(' | ')} |`);
}
if (failures.length) console.log(`\n${failures.length} probe requests failed, e.g. ${failures.slice(0, 3).join('; ')}`);
process.exit(exitCode);
