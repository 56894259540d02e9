// npm run bench:search -- --children N [--queries 1000]
// Times practitioner searches DB-side against DATABASE_URL holding N seeded children (seeding it first if it holds a
// different number), beside the primary-key lookup of the same children as the floor. Prints Markdown for
// docs/benchmarks.md. Never run against a database whose contents matter: it may replace them.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { children, staffUsers } from '@/db/schema';
import { countChildren, connectForSeeding, seedDatabase } from '@/db/seed/seed-database';
import { env } from '@/lib/env.js';
import { Random } from '@/db/seed/random';
import type { TChildSearch } from '@/lib/validation/child-search';
import { findChildren } from '@/lib/search/find-children';

const { values } = parseArgs({ options: { children: { type: 'string', default: '1000000' }, queries: { type: 'string', default: '1000' } } });
const wanted = Number(values.children);
const queries = Number(values.queries);
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL database the benchmark may fill.');
  process.exit(2);
}

const connection = await connectForSeeding();
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => n.toFixed(2);
try {
  if ((await countChildren(connection)) !== wanted) {
    console.log(`Seeding ${wanted.toLocaleString('en-GB')} children first…`);
    await seedDatabase({ connection, children: wanted, seed: 1, asOf: '2026-11-25', reset: true, demoAccounts: true, onProgress: console.log });
  }
  const db = connection.db;
  const [teacher] = await db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher'));
  const actor = { id: teacher!.id, organisationId: teacher!.organisationId, kind: 'staff' as const };
  const sample = await db
    .select()
    .from(children)
    .where(sql`${children.id} in (select id from children tablesample system (0.5) where address_status = 'current' and not is_shielded limit ${queries})`);
  const rng = new Random(7);
  const typo = (name: string) => {
    if (name.length < 4) return name;
    const i = 1 + rng.int(name.length - 2);
    return rng.chance(0.5) ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name.slice(0, i) + name.slice(i + 1);
  };
  type Kind = 'typo surname + DOB' | 'surname + postcode' | 'typo surname + postcode district' | 'index number';
  const kinds: Kind[] = ['typo surname + DOB', 'surname + postcode', 'typo surname + postcode district', 'index number'];
  const timings = Object.fromEntries([...kinds, 'primary key (floor)'].map((k) => [k, [] as number[]])) as Record<Kind | 'primary key (floor)', number[]>;
  const found = Object.fromEntries(kinds.map((k) => [k, [0, 0]])) as Record<Kind, [number, number]>;
  // Warm up the caches as a running service would be.
  for (const child of sample.slice(0, 50)) await db.select().from(children).where(eq(children.id, child.id));

  for (const [i, child] of sample.entries()) {
    const kind: Kind = i % 10 < 4 ? 'typo surname + DOB' : i % 10 < 6 ? 'surname + postcode' : i % 10 < 7 ? 'typo surname + postcode district' : 'index number';
    const given = child.givenNames.split(' ')[0]!;
    const search: Partial<TChildSearch> =
      kind === 'typo surname + DOB'
        ? { familyName: typo(child.familyName), givenName: given, dateOfBirth: child.dateOfBirth }
        : kind === 'surname + postcode'
          ? { familyName: child.familyName, givenName: given, postcode: child.postcode! }
          : kind === 'typo surname + postcode district'
            ? { familyName: typo(child.familyName), givenName: given, postcode: child.postcode!.split(' ')[0] }
            : { indexNumber: child.indexNumber };
    const started = performance.now();
    const result = await findChildren({ db, actor, search: { reason: 'working_with_child', ...search } as TChildSearch });
    timings[kind].push(performance.now() - started);
    found[kind][1] += 1;
    if (result.outcome === 'matches' && result.matches.some((m) => m.childId === child.id)) found[kind][0] += 1;

    const floorStarted = performance.now();
    await db.select().from(children).where(eq(children.id, child.id));
    timings['primary key (floor)'].push(performance.now() - floorStarted);
  }

  const floorP95 = percentile([...timings['primary key (floor)']].sort((a, b) => a - b), 95);
  console.log(`\nSearch benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${wanted.toLocaleString('en-GB')} children, ${sample.length} queries, DB-side (one connection, each search audited)\n`);
  console.log('| query | n | p50 ms | p95 ms | p95 ÷ floor p95 | right child in results |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [kind, list] of Object.entries(timings)) {
    const sorted = [...list].sort((a, b) => a - b);
    const hit = found[kind as Kind];
    console.log(
      `| ${kind} | ${sorted.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${(percentile(sorted, 95) / floorP95).toFixed(1)}× | ${hit ? `${((100 * hit[0]) / hit[1]).toFixed(1)}%` : '—'} |`,
    );
  }
} finally {
  await connection.close();
}
