// npm run bench:api-answers -- [--queries 1000]
// What a system client is answered, for children on the index and for the same children taken off it: each sampled
// child is archived for its "absent" searches and made live again after. Run it only against a database filled by
// `npm run bench:search` (never one whose contents matter). Its names come from the seed generator, so it checks the
// rule, not the name knowledge; the independent evaluation is issue 23's.
import { parseArgs } from 'node:util';
import { env } from '@/lib/env.js';
import { eq, sql } from 'drizzle-orm';
import { children, staffUsers } from '@/db/schema';
import { connectForSeeding } from '@/db/seed/seed-database';
import type { TChildSearch } from '@/lib/validation/child-search';
import { findChildren } from '@/lib/search/find-children';
const { values } = parseArgs({ options: { queries: { type: 'string', default: '1000' } } });
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a database filled by npm run bench:search.');
  process.exit(2);
}
const connection = await connectForSeeding();
const db = connection.db;
const [teacher] = await db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher'));
const actor = { id: teacher!.id, organisationId: teacher!.organisationId, kind: 'api_client' as const };
const sample = await db.select().from(children).where(sql`${children.id} in (select id from children tablesample system (1) repeatable (7) where address_status = 'current' and not is_shielded and status = 'live' limit ${Number(values.queries)})`);
const wrongPairs: [string, string | null, string][] = [];
const counts: Record<string, [answered: number, wrong: number, n: number]> = {};
const reasons: Record<string, Record<string, number>> = {};
const note = (kind: string, answer: string | null, right: string | null, reason?: string) => {
  const c = (counts[kind] ??= [0, 0, 0]);
  c[2] += 1;
  if (answer) {
    c[0] += 1;
    if (answer !== right) {
      c[1] += 1;
    }
  }
  if (reason) ((reasons[kind] ??= {})[reason] = (reasons[kind]![reason] ?? 0) + 1);
};
const staff = { ...actor, kind: 'staff' as const };
const outcomes: Record<string, Record<string, number>> = {};
const page = async (kind: string, search: Partial<TChildSearch>) => {
  const r = await findChildren({ db, actor: staff, search: { reason: 'working_with_child', ...search } as TChildSearch });
  const outcome = r.outcome === 'matches' ? (r.matches.length ? 'matches shown' : 'none') : r.outcome;
  const seen = (outcomes[kind] ??= {});
  seen[outcome] = (seen[outcome] ?? 0) + 1;
};
const ask = async (d: typeof db, search: Partial<TChildSearch>) => {
  const r = await findChildren({ db: d, actor, search: { reason: 'working_with_child', ...search } as TChildSearch });
  return { id: r.outcome === 'matches' ? (r.matches[0]?.childId ?? null) : null, reason: r.withheld?.reason };
};
for (const c of sample) {
  const given = c.givenNames.split(' ')[0]!;
  const full = { familyName: c.familyName, givenName: given, dateOfBirth: c.dateOfBirth, postcode: c.postcode! };
  let a = await ask(db, full); note('present: names, DOB, full postcode', a.id, c.id, a.reason);
  a = await ask(db, { ...full, postcode: undefined, gender: c.gender as 'female' }); note('present: names, DOB, gender', a.id, c.id, a.reason);
  a = await ask(db, { ...full, postcode: c.postcode!.split(' ')[0] }); note('present: names, DOB, district', a.id, c.id, a.reason);
  try {
    const tx = db;
    await tx.update(children).set({ status: 'archived' }).where(eq(children.id, c.id));
    let b = await ask(tx, full); note('absent: names, DOB, full postcode', b.id, null, b.reason);
    if (b.id) wrongPairs.push(['absent child', c.id, b.id]);
    b = await ask(tx, { ...full, postcode: undefined, gender: c.gender as 'female' }); note('absent: names, DOB, gender', b.id, null, b.reason);
    b = await ask(tx, { ...full, dateOfBirth: undefined, postcode: c.postcode!.split(' ')[0] }); note('absent: names, district, no DOB', b.id, null, b.reason);
    // What a practitioner's page shows for the absent child.
    await page('names + DOB', { familyName: c.familyName, givenName: given, dateOfBirth: c.dateOfBirth });
    await page('names + district', { familyName: c.familyName, givenName: given, postcode: c.postcode!.split(' ')[0] });
  } finally {
    await db.update(children).set({ status: 'live' }).where(eq(children.id, c.id));
  }
}
console.log('| search | n | answered | wrong | why not answered |');
console.log('| --- | --- | --- | --- | --- |');
for (const [k, [ans, wrong, n]] of Object.entries(counts)) console.log(`| ${k} | ${n} | ${ans} | ${wrong} | ${Object.entries(reasons[k] ?? {}).map(([r, count]) => `${r} ${count}`).join(', ')} |`);
console.log('\n| practitioner, absent child | ' + ['matches shown', 'none', 'too_many', 'no_close_match'].join(' | ') + ' |');
console.log('| --- | --- | --- | --- | --- |');
for (const [k, seen] of Object.entries(outcomes)) console.log(`| ${k} | ${['matches shown', 'none', 'too_many', 'no_close_match'].map((o) => seen[o] ?? 0).join(' | ')} |`);
if (wrongPairs.length) {
  console.log('\nWrong answers (the absent child beside the one answered):');
  for (const [, absentId, answeredId] of wrongPairs) {
    const pair = await connection.sql`select id, given_names, family_name, date_of_birth::text, gender, postcode, status from children where id in (${absentId!}, ${answeredId})`;
    console.log(pair.map((p) => `${p.given_names} ${p.family_name} ${p.date_of_birth} ${p.gender} ${p.postcode}`).join('  |  '));
  }
}
await connection.close();
