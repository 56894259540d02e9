// npm run bench:search-http -- [--queries 1000] [--connections 8]
// Serves the built app against DATABASE_URL (already seeded, e.g. by bench:search) and sends realistic searches to
// POST /api/v1/children/search as the demo system client, 8 at a time; prints Markdown for docs/benchmarks.md.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { children } from '@/db/schema';
import { demoApiClient } from '@/lib/reference/demo-credentials';
import { connectForSeeding, countChildren } from '@/db/seed/seed-database';
import { env } from '@/lib/env.js';

const { values } = parseArgs({ options: { queries: { type: 'string', default: '1000' }, connections: { type: 'string', default: '8' } } });
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a seeded PostgreSQL database (see npm run bench:search).');
  process.exit(2);
}
const port = 3599;
const connection = await connectForSeeding();
const total = await countChildren(connection);
const sample = await connection.db
  .select()
  .from(children)
  .where(sql`${children.id} in (select id from children tablesample system (0.5) where address_status = 'current' and not is_shielded limit ${Number(values.queries)})`);
await connection.close();
const bodies = sample.map((c, i) =>
  JSON.stringify(
    i % 10 < 4
      ? { reason: 'working_with_child', familyName: c.familyName.slice(0, 2) + c.familyName.slice(3), givenName: c.givenNames.split(' ')[0], dateOfBirth: c.dateOfBirth }
      : i % 10 < 7
        ? { reason: 'working_with_child', familyName: c.familyName, givenName: c.givenNames.split(' ')[0], postcode: c.postcode }
        : { reason: 'working_with_child', indexNumber: c.indexNumber },
  ),
);

const root = path.resolve(import.meta.dirname, '..');
// eslint-disable-next-line no-restricted-syntax -- the child process inherits this one's environment as a whole
const inherited = process.env;
const server = spawn(process.execPath, [path.join(root, 'server.js')], {
  cwd: root,
  // Demo mode: the searches send no email, and the benchmark needs no mail server. The benchmark measures the search,
  // not the allowance that keeps one client to a sane rate.
  env: {
    ...inherited,
    PORT: String(port),
    NODE_ENV: 'production',
    DEMO_MODE: 'true',
    AUTH_SECRET: 'bench-only-secret-bench-only-secret-bench',
    APP_URL: `http://localhost:${port}`,
    SEARCH_BURST_PER_API_KEY: '1000000',
    SEARCH_PER_MINUTE_PER_API_KEY: '1000000',
  },
  stdio: 'ignore',
});
try {
  for (let i = 0; i < 60; i++) {
    const ok = await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  let next = 0;
  const run = (amount: number) =>
    autocannon({
      url: `http://localhost:${port}/api/v1/children/search`,
      connections: Number(values.connections),
      amount,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${demoApiClient().key}` },
          setupRequest: (request: autocannon.Request) => ({ ...request, body: bodies[next++ % bodies.length] }),
        },
      ],
    });
  await run(200); // warm up
  const result = await run(bodies.length);
  console.log(`\nSearch API benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${total.toLocaleString('en-GB')} children, ${bodies.length} requests, ${values.connections} concurrent clients\n`);
  // What the same server serves on a bare route that only pings the database, in the same run: the searches' rate is
  // judged against it (issue 23: at least 0.7 of it), so that the machine's own speed cancels out.
  const bare = await autocannon({ url: `http://localhost:${port}/api/health`, connections: Number(values.connections), amount: bodies.length });
  console.log('| children | route | requests | non-2xx | p50 ms | p97.5 ms | p99 ms | requests/s | ÷ /api/health |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [route, r] of [['search', result], ['/api/health', bare]] as const) {
    console.log(
      `| ${total.toLocaleString('en-GB')} | ${route} | ${r.requests.total} | ${r.non2xx} | ${r.latency.p50} | ${r.latency.p97_5} | ${r.latency.p99} | ${r.requests.average.toFixed(0)} | ${(r.requests.average / bare.requests.average).toFixed(2)} |`,
    );
  }
} finally {
  server.kill('SIGTERM');
}
