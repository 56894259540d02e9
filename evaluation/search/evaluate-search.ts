// npm run eval:search -- [--children 500] [--seed 1]
// The search measured against an evaluation of its own (issue 23): children drawn at random from the index in
// DATABASE_URL (so a common name is as common as the index has it, and the index's name model follows the ONS
// figures, db/seed/population), each searched for as a practitioner and as a system client would, with the slips of
// practitioner-slips.ts — an error model written apart from the search's name knowledge and the seed generator's
// lists. Then children who are not on the index: each sampled child taken off it for a moment (its look-alikes stay,
// as when the wanted child's row waits in load review), and strangers made of one child's given name, another's family
// name, a third's district and a birthday of their own. Prints Markdown for docs/benchmarks.md. It writes audit events
// and takes children off the index for a moment: run it only on a seeded database whose contents do not matter
// (`npm run bench:seed`, `npm run bench:search`).
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { children, staffUsers } from '@/db/schema';
import { Random } from '@/db/seed/random';
import { connectForSeeding } from '@/db/seed/seed-database';
import { env } from '@/lib/env.js';
import { findChildren, type SearchActor } from '@/lib/search/find-children';
import type { TChildSearch } from '@/lib/validation/child-search';
import { dayAndMonthSwapped, oneDigitWrong, plainLetters, shortForm, soundAlikeSpelling, typingSlip } from './practitioner-slips';

const { values } = parseArgs({ options: { children: { type: 'string', default: '500' }, seed: { type: 'string', default: '1' } } });
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a seeded PostgreSQL database whose contents do not matter (npm run bench:seed).');
  process.exit(2);
}
const wanted = Number(values.children);
const seed = Number(values.seed);
const rng = new Random(seed);
const connection = await connectForSeeding();
const db = connection.db;

const [teacher] = await db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher'));
if (!teacher) throw new Error('No demo.teacher: seed the database with the demo accounts (npm run bench:seed).');
const practitioner: SearchActor = { id: teacher.id, organisationId: teacher.organisationId, kind: 'staff' };
const systemClient: SearchActor = { ...practitioner, kind: 'api_client' };

const [counted] = await connection.sql<{ total: string }[]>`select reltuples::bigint as total from pg_class where relname = 'children'`;
const total = Number(counted?.total ?? 0);
const percent = Math.min(100, (wanted * 4 * 100) / Math.max(1, total));
type Held = { id: string; givenNames: string; familyName: string; dateOfBirth: string; gender: string; postcode: string };
const sample = await connection.sql<Held[]>`
  select id, given_names as "givenNames", family_name as "familyName", date_of_birth::text as "dateOfBirth", gender::text as gender, postcode
  from children tablesample system (${percent}) repeatable (${seed})
  where status = 'live' and not is_shielded and address_status = 'current' and postcode is not null
  order by md5(id::text || ${String(seed)}) limit ${wanted}`;
const today = new Date().toISOString().slice(0, 10);

type Query = { kind: string; search: Partial<TChildSearch> };
/** The searches a practitioner might type for a child: as held, and with each slip of the error model that applies. */
function queriesFor(c: Held): Query[] {
  const given = c.givenNames.split(' ')[0]!;
  const exact = { familyName: c.familyName, givenName: given, dateOfBirth: c.dateOfBirth };
  const queries: Query[] = [{ kind: 'as held', search: exact }];
  const add = (kind: string, change: Partial<TChildSearch> | null | undefined) => {
    if (change && Object.values(change).every((v) => v !== null)) queries.push({ kind, search: { ...exact, ...change } });
  };
  add('family name: a typing slip', { familyName: typingSlip(c.familyName, rng) });
  add('given name: a typing slip', { givenName: typingSlip(given, rng) });
  const soundFamily = soundAlikeSpelling(c.familyName, rng);
  if (soundFamily) add('family name: spelt as it sounds', { familyName: soundFamily });
  const soundGiven = soundAlikeSpelling(given, rng);
  if (soundGiven) add('given name: spelt as it sounds', { givenName: soundGiven });
  const short = shortForm(given, rng);
  if (short) add('given name: a short form', { givenName: short });
  const plainFamily = plainLetters(c.familyName);
  if (plainFamily) add('family name: no accents, apostrophes or hyphens', { familyName: plainFamily });
  const swapped = dayAndMonthSwapped(c.dateOfBirth);
  if (swapped) add('date: day and month swapped', { dateOfBirth: swapped });
  const digit = oneDigitWrong(c.dateOfBirth, rng, today);
  if (digit) add('date: one digit wrong', { dateOfBirth: digit });
  add('names the wrong way round', { familyName: given, givenName: c.familyName });
  add('no given name', { givenName: undefined });
  add('postcode district, no date', { dateOfBirth: undefined, postcode: c.postcode.split(' ')[0] });
  return queries;
}

type Tally = { n: number; first: number; inTen: number; reciprocalRanks: number; tooMany: number; noCloseMatch: number; apiRight: number; apiWrong: number };
const present = new Map<string, Tally>();
const absent = new Map<string, { n: number; shown: number; tooMany: number; noCloseMatch: number; apiWrong: number }>();
const wrongAnswers: string[] = [];
const pageMs: number[] = [];

const search = async (actor: SearchActor, query: Partial<TChildSearch>) => {
  const started = performance.now();
  const result = await findChildren({ db, actor, search: { reason: 'working_with_child', ...query } as TChildSearch });
  if (actor.kind === 'staff') pageMs.push(performance.now() - started);
  return result;
};
/** A system client sends what it holds: the names and date as it has them, with the full postcode and gender. */
const apiQuery = (query: Partial<TChildSearch>, c: Held): Partial<TChildSearch> => ({ ...query, postcode: c.postcode, gender: c.gender as TChildSearch['gender'] });
const apiAnswer = async (query: Partial<TChildSearch>) => {
  const r = await search(systemClient, query);
  return r.outcome === 'matches' ? (r.matches[0]?.childId ?? null) : null;
};

for (const c of sample) {
  for (const { kind, search: query } of queriesFor(c)) {
    const t = present.get(kind) ?? { n: 0, first: 0, inTen: 0, reciprocalRanks: 0, tooMany: 0, noCloseMatch: 0, apiRight: 0, apiWrong: 0 };
    present.set(kind, t);
    t.n += 1;
    const page = await search(practitioner, query);
    if (page.outcome === 'too_many') t.tooMany += 1;
    if (page.outcome === 'no_close_match') t.noCloseMatch += 1;
    const rank = page.outcome === 'matches' ? page.matches.findIndex((m) => m.childId === c.id) + 1 : 0;
    if (rank === 1) t.first += 1;
    if (rank >= 1 && rank <= 10) t.inTen += 1;
    if (rank >= 1) t.reciprocalRanks += 1 / rank;
    const answered = await apiAnswer(apiQuery(query, c));
    if (answered === c.id) t.apiRight += 1;
    else if (answered) {
      t.apiWrong += 1;
      wrongAnswers.push(`${kind}: wanted ${c.id}, answered ${answered}`);
    }
  }
}

const noteAbsent = async (kind: string, query: Partial<TChildSearch>, c: Held) => {
  const t = absent.get(kind) ?? { n: 0, shown: 0, tooMany: 0, noCloseMatch: 0, apiWrong: 0 };
  absent.set(kind, t);
  t.n += 1;
  const page = await search(practitioner, query);
  if (page.outcome === 'matches' && page.matches.length > 0) t.shown += 1;
  if (page.outcome === 'too_many') t.tooMany += 1;
  if (page.outcome === 'no_close_match') t.noCloseMatch += 1;
  const answered = await apiAnswer(apiQuery(query, c));
  if (answered) {
    t.apiWrong += 1;
    wrongAnswers.push(`${kind}: a child not on the index, answered ${answered}`);
  }
};

for (const c of sample) {
  await db.update(children).set({ status: 'archived' }).where(eq(children.id, c.id));
  try {
    await noteAbsent('the child itself, taken off the index', { familyName: c.familyName, givenName: c.givenNames.split(' ')[0], dateOfBirth: c.dateOfBirth }, c);
  } finally {
    await db.update(children).set({ status: 'live' }).where(eq(children.id, c.id));
  }
}
for (let i = 0; i < sample.length; i++) {
  const [a, b, d] = [sample[i]!, sample[(i + 1) % sample.length]!, sample[(i + 2) % sample.length]!];
  const birthday = new Date(Date.UTC(2009 + rng.int(17), rng.int(12), 1 + rng.int(28))).toISOString().slice(0, 10);
  if (birthday > today) continue;
  const stranger: Held = { ...d, id: '', givenNames: a.givenNames, familyName: b.familyName, dateOfBirth: birthday };
  const [held] = await db
    .select({ id: children.id })
    .from(children)
    .where(sql`${children.familyName} = ${stranger.familyName} and ${children.dateOfBirth} = ${birthday} and split_part(${children.givenNames}, ' ', 1) = ${a.givenNames.split(' ')[0]}`);
  if (held) continue;
  await noteAbsent('a stranger (names, birthday and district of no one on the index)', { familyName: stranger.familyName, givenName: stranger.givenNames.split(' ')[0], dateOfBirth: birthday }, stranger);
}

const pct = (k: number, n: number) => (n ? `${((100 * k) / n).toFixed(1)}%` : '–');
const sum = (pick: (t: Tally) => number) => [...present.values()].reduce((s, t) => s + pick(t), 0);
console.log(`Children sampled: ${sample.length} of about ${total.toLocaleString('en-GB')} (seed ${seed}); ${sum((t) => t.n)} searches for children on the index.\n`);
console.log('| search for a child on the index | n | right child first | in the first ten | MRR | too many | no close match | API: right child | API: wrong child |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [kind, t] of [...present.entries(), ['**all**', { n: sum((t) => t.n), first: sum((t) => t.first), inTen: sum((t) => t.inTen), reciprocalRanks: sum((t) => t.reciprocalRanks), tooMany: sum((t) => t.tooMany), noCloseMatch: sum((t) => t.noCloseMatch), apiRight: sum((t) => t.apiRight), apiWrong: sum((t) => t.apiWrong) }] as const]) {
  console.log(`| ${kind} | ${t.n} | ${pct(t.first, t.n)} | ${pct(t.inTen, t.n)} | ${(t.reciprocalRanks / t.n).toFixed(3)} | ${pct(t.tooMany, t.n)} | ${pct(t.noCloseMatch, t.n)} | ${pct(t.apiRight, t.n)} | ${t.apiWrong} |`);
}
console.log('\n| search for a child not on the index | n | a child shown | too many | no close match | API: a child answered (wrong) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [kind, t] of absent) console.log(`| ${kind} | ${t.n} | ${pct(t.shown, t.n)} | ${pct(t.tooMany, t.n)} | ${pct(t.noCloseMatch, t.n)} | ${t.apiWrong} |`);
const apiSearches = sum((t) => t.n) + [...absent.values()].reduce((s, t) => s + t.n, 0);
const apiWrong = sum((t) => t.apiWrong) + [...absent.values()].reduce((s, t) => s + t.apiWrong, 0);
// With none wrong in n searches, the rate is below 3/n at 95% confidence (the "rule of three").
console.log(`\nAPI: ${apiWrong} wrong children in ${apiSearches} searches${apiWrong === 0 ? ` (below ${(300 / apiSearches).toFixed(2)}% at 95% confidence)` : ''}.`);
pageMs.sort((x, y) => x - y);
console.log(`Practitioner searches, with their audit events, as this process timed them: p50 ${pageMs[Math.floor(pageMs.length / 2)]?.toFixed(1)} ms, p95 ${pageMs[Math.floor(pageMs.length * 0.95)]?.toFixed(1)} ms.`);
if (wrongAnswers.length) console.log(`\nWrong API answers (record ids only):\n${wrongAnswers.join('\n')}`);
await connection.close();
