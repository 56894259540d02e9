// npm run bench:load-http -- [--connections 50] [--seconds 60] [--port 3598]
// The built app (`next start`) against DATABASE_URL (seeded, e.g. `npm run bench:seed -- --children 1000000`), driven
// by autocannon as 50 signed-in practitioners at once, each with their own session (a real sign-in with password, PIN
// and security code, in Chromium), each going round the same mix: 6 searches, 3 record views, 1 "I work with this
// child" in every 10 requests. Counts the audit trail's events by action before and after, and exits non-zero if any
// request failed or any completed request left no audit event. Prints Markdown for docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import autocannon from 'autocannon';
import { generate } from 'otplib';
import { DEMO_PASSWORD, DEMO_PIN, demoTotpSecret } from '@/lib/reference/demo-credentials';
import { connectForSeeding, countChildren } from '@/db/seed/seed-database';
import { env } from '@/lib/env.js';

const { values } = parseArgs({
  options: { connections: { type: 'string', default: '50' }, seconds: { type: 'string', default: '60' }, port: { type: 'string', default: '3598' } },
});
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a seeded PostgreSQL database (npm run bench:seed -- --children 1000000).');
  process.exit(2);
}
const sessions = Number(values.connections);
const seconds = Number(values.seconds);
const port = Number(values.port);
const base = `http://localhost:${port}`;
const KINDS = ['search', 'view', 'involvement'] as const;
type Kind = (typeof KINDS)[number];
/** The audit event each kind of request must leave. */
const AUDIT_ACTION: Record<Kind, string> = { search: 'child.search', view: 'child.view', involvement: 'involvement.record' };
/** One round of a session: 60% searches, 30% record views, 10% involvements. */
const ROUND: Kind[] = ['search', 'view', 'search', 'involvement', 'search', 'view', 'search', 'search', 'view', 'search'];
/** Children each session may record an involvement with (one each): more than a session gets through in the run. */
const INVOLVEMENTS_PER_SESSION = 60;
const VIEWS_PER_SESSION = 10;

// --- The practitioners: copies of demo.teacher, each with their own user name and security token. ---
const connection = await connectForSeeding();
const total = await countChildren(connection);
const usernames = Array.from({ length: sessions }, (_, i) => `bench.practitioner.${String(i + 1).padStart(2, '0')}`);
await connection.sql`
  insert into staff_users (username, display_name, email, role, organisation_id, local_authority_code, status, password_hash, pin_hash,
                           totp_secret, totp_enrolled_at, training_completed_on, user_agreement_signed_on, police_check_expires_on)
  select u.name, 'Bench practitioner ' || u.n, u.name || '@bench.example.org', t.role, t.organisation_id, t.local_authority_code, 'active',
         t.password_hash, t.pin_hash, null, now(), t.training_completed_on, t.user_agreement_signed_on, t.police_check_expires_on
  from staff_users t, unnest(${usernames}::text[]) with ordinality as u(name, n)
  where t.username = 'demo.teacher'
  on conflict (lower(username)) do nothing`;
for (const username of usernames) {
  await connection.sql`update staff_users set totp_secret = ${demoTotpSecret(username)}, totp_last_time_step = null, failed_sign_ins = 0 where username = ${username}`;
}
// Ordinary children at a current address: each session views some and records an involvement with others.
const picked = await connection.sql<{ id: string; indexNumber: string; familyName: string; givenNames: string; dateOfBirth: string; postcode: string }[]>`
  select id, index_number as "indexNumber", family_name as "familyName", given_names as "givenNames", date_of_birth::text as "dateOfBirth", postcode
  from children tablesample system (2)
  where address_status = 'current' and not is_shielded and status = 'live'
    and not exists (select 1 from involvements i join staff_users s on s.id = i.practitioner_staff_id where i.child_id = children.id and s.username like 'bench.practitioner.%')
  limit ${sessions * (INVOLVEMENTS_PER_SESSION + VIEWS_PER_SESSION) + 1000}`;
if (picked.length < sessions * (INVOLVEMENTS_PER_SESSION + VIEWS_PER_SESSION) + 1000) throw new Error(`Only ${picked.length} children to use: seed more`);
const searchBodies = picked.slice(0, 1000).map((c, i) =>
  JSON.stringify(
    i % 10 < 4
      ? { reason: 'working_with_child', familyName: c.familyName.slice(0, 2) + c.familyName.slice(3), givenName: c.givenNames.split(' ')[0], dateOfBirth: c.dateOfBirth }
      : i % 10 < 7
        ? { reason: 'working_with_child', familyName: c.familyName, givenName: c.givenNames.split(' ')[0], postcode: c.postcode }
        : { reason: 'working_with_child', indexNumber: c.indexNumber },
  ),
);
const perSession = picked.slice(1000);

// --- The app. ---
const root = path.resolve(import.meta.dirname, '..');
// eslint-disable-next-line no-restricted-syntax -- the child process inherits this one's environment as a whole
const inherited = process.env;
const server = spawn(process.execPath, [path.join(root, 'server.js')], {
  cwd: root,
  env: {
    ...inherited,
    PORT: String(port),
    NODE_ENV: 'production',
    AUTH_SECRET: 'bench-only-secret-bench-only-secret-bench',
    APP_URL: base,
    // No mail server (demo mode): the emails to others involved are written to files, somewhere temporary.
    DEMO_MODE: 'true',
    // Simulated practitioners search faster than the allowance of a real one; the benchmark measures the service.
    SEARCH_BURST_PER_USER: '1000000',
    SEARCH_PER_MINUTE_PER_USER: '1000000',
    MISUSE_SEARCHES_WITHOUT_VIEWING: '1000000',
    SMTP_URL: '',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'bench-load-http-')),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let exitCode = 1;
try {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 1000));
  }

  // --- Sign in as each practitioner in a browser, as a person would; keep the session cookie. ---
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const cookies: string[] = [];
  try {
    const signIn = async (username: string) => {
      const context = await browser.newContext({ baseURL: base });
      const page = await context.newPage();
      for (let attempt = 0; attempt < 3; attempt++) {
        await page.goto('/staff/sign-in');
        await page.getByLabel('User name').fill(username);
        await page.getByLabel('Password').fill(DEMO_PASSWORD);
        await page.getByLabel('PIN').fill(DEMO_PIN);
        await page.getByLabel('Security code').fill(await generate({ secret: demoTotpSecret(username) }));
        await page.getByRole('button', { name: 'Sign in' }).click();
        if (await page.waitForURL(/\/staff$/, { timeout: 60_000 }).then(() => true, () => false)) break;
        // A code works once: wait for the next one.
        await page.waitForTimeout((30 - (Math.floor(Date.now() / 1000) % 30) + 1) * 1000);
      }
      const jar = await context.cookies();
      if (!jar.some((c) => c.name.includes('staff-session'))) throw new Error(`${username} could not sign in`);
      await context.close();
      return jar.map((c) => `${c.name}=${c.value}`).join('; ');
    };
    for (let i = 0; i < usernames.length; i += 5) cookies.push(...(await Promise.all(usernames.slice(i, i + 5).map(signIn))));
  } finally {
    await browser.close();
  }
  console.log(`${cookies.length} practitioners signed in.`);

  // --- What each session needs: searches whose events let it open records, and the involvement form's action. ---
  const postJson = (cookie: string, body: string) =>
    fetch(`${base}/api/v1/children/search`, { method: 'POST', headers: { cookie, origin: base, 'content-type': 'application/json' }, body });
  const prepare = async (s: number): Promise<Session> => {
    const cookie = cookies[s]!;
    const mine = perSession.slice(s * (INVOLVEMENTS_PER_SESSION + VIEWS_PER_SESSION), (s + 1) * (INVOLVEMENTS_PER_SESSION + VIEWS_PER_SESSION));
    // A search by index number: its audit event is this practitioner's reason to open, or write to, that record.
    const searchFor = async (child: { id: string; indexNumber: string }) => {
      const found = (await (await postJson(cookie, JSON.stringify({ reason: 'working_with_child', indexNumber: child.indexNumber }))).json()) as { auditEventId: number; matches?: { childId: string }[] };
      if (found.matches?.[0]?.childId !== child.id) throw new Error('A preparatory search did not find its child');
      return found.auditEventId;
    };
    const views: string[] = [];
    for (const child of mine.slice(0, VIEWS_PER_SESSION)) views.push(`/staff/children/${child.id}?purpose=${await searchFor(child)}`);
    const involvementChildren = mine.slice(VIEWS_PER_SESSION).map((c) => c.id);
    const purposes = new Map<string, number>();
    for (const child of mine.slice(VIEWS_PER_SESSION)) purposes.set(child.id, await searchFor(child));
    const first = involvementChildren[0]!;
    return { cookie, views, involvementChildren, purposes, action: await involvementAction(cookie, first, purposes.get(first)!) };
  };
  const prepared: Session[] = [];
  for (let s = 0; s < sessions; s += 10) prepared.push(...(await Promise.all(Array.from({ length: Math.min(10, sessions - s) }, (_, i) => prepare(s + i)))));

  // One involvement first, to be sure the form is replayed as the page would send it.
  {
    const session = prepared[0]!;
    const request = involvementRequest(session, session.involvementChildren.shift()!, { cookie: session.cookie, origin: base });
    const started = performance.now();
    const answer = await fetch(`${base}${request.path}`, { method: 'POST', headers: request.headers as Record<string, string>, body: request.body as string, redirect: 'manual' });
    const redirect = answer.headers.get('x-action-redirect');
    console.log(`Trial involvement: ${answer.status}, on to ${redirect}, in ${(performance.now() - started).toFixed(0)} ms`);
    if (answer.status !== 200 || !redirect) throw new Error(`The involvement was refused:\n${(await answer.text()).slice(0, 3000)}`);
  }

  // --- The run. ---
  const before = await auditCounts();
  const stats = Object.fromEntries(KINDS.map((k) => [k, { latencies: [] as number[], statuses: new Map<number, number>() }])) as Record<Kind, { latencies: number[]; statuses: Map<number, number> }>;
  let nextSession = 0;
  let exhausted = 0;
  const unanswered: { kind: Kind }[][] = [];
  let redirected = 0;
  const result = await autocannon({
    url: base,
    connections: sessions,
    duration: seconds,
    timeout: 30,
    requests: [{ method: 'GET', path: '/api/health' }],
    setupClient: (client) => {
      const session = prepared[nextSession++ % prepared.length]!;
      let views = 0;
      let involvements = 0;
      let searches = Math.floor(Math.random() * searchBodies.length);
      const inFlight: { kind: Kind; sentAt: number }[] = [];
      unanswered.push(inFlight);
      const headers = { cookie: session.cookie, origin: base };
      const build: Record<Kind, () => autocannon.Request> = {
        search: () => ({ method: 'POST', path: '/api/v1/children/search', headers: { ...headers, 'content-type': 'application/json' }, body: searchBodies[searches++ % searchBodies.length] }),
        view: () => ({ method: 'GET', path: session.views[views++ % session.views.length], headers }),
        involvement: () => {
          const childId = session.involvementChildren[involvements++];
          if (!childId) exhausted += 1;
          return involvementRequest(session, childId ?? session.involvementChildren[0]!, headers);
        },
      };
      client.setRequests(
        ROUND.map((kind) => ({
          setupRequest: (request: autocannon.Request) => {
            inFlight.push({ kind, sentAt: performance.now() });
            return { ...request, ...build[kind]() } as autocannon.Request;
          },
          // The action answers 200 with where the browser goes next; a refusal re-renders the form with no redirect.
          onResponse:
            kind === 'involvement'
              ? (status: number, _body: string, _context: object, headers: autocannon.Request['headers']) => {
                  if (status === 200 && headers?.['x-action-redirect']) redirected += 1;
                }
              : undefined,
        })),
      );
      client.on('response', (status: number) => {
        const sent = inFlight.shift();
        if (!sent) return;
        const stat = stats[sent.kind];
        stat.latencies.push(performance.now() - sent.sentAt);
        stat.statuses.set(status, (stat.statuses.get(status) ?? 0) + 1);
      });
    },
  });
  // Requests cut off when the time was up may still finish (and be audited) on the server: wait for it to go quiet.
  let after = await auditCounts();
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await auditCounts();
    quiet = KINDS.every((k) => now.get(AUDIT_ACTION[k]) === after.get(AUDIT_ACTION[k])) ? quiet + 1 : 0;
    after = now;
  }
  const cutOff = Object.fromEntries(KINDS.map((k) => [k, unanswered.flat().filter((r) => r.kind === k).length])) as Record<Kind, number>;
  const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');

  const expected: Record<Kind, number> = { search: 200, view: 200, involvement: 200 };
  let failed = result.errors + result.timeouts > 0 || exhausted > 0;
  console.log(`\nPractitioner load benchmark, ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average after the run ${load}`);
  console.log(`${total.toLocaleString('en-GB')} children; ${sessions} signed-in practitioner sessions, ${seconds} s; autocannon: ${result.requests.total} requests, ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx; ${redirected} involvements answered with their redirect\n`);
  console.log('| request | completed | answers | p50 ms | p95 ms | p99 ms | requests/s | audit action | events added | cut off at the end | every completed one audited |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const kind of KINDS) {
    const { latencies, statuses } = stats[kind];
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0) : '–');
    const completed = latencies.length;
    const good = kind === 'involvement' ? redirected : (statuses.get(expected[kind]) ?? 0);
    const added = (after.get(AUDIT_ACTION[kind]) ?? 0) - (before.get(AUDIT_ACTION[kind]) ?? 0);
    // Each completed request added exactly one event; one cut off by the end of the run may have added its own too.
    // An involvement's answer is the record it redirects to, rendered in the same response: a view, audited as one.
    const alsoViews = kind === 'view' ? { completed: stats.involvement.latencies.length, cutOff: cutOff.involvement } : { completed: 0, cutOff: 0 };
    // A surplus (an event from a request autocannon did not see finish) is reported in the table; a shortfall fails.
    const matches = good === completed && added >= completed + alsoViews.completed;
    failed ||= !matches;
    const answers = [...statuses].map(([status, n]) => `${n} × ${status}`).join(', ');
    console.log(`| ${kind} | ${completed} | ${answers} | ${at(0.5)} | ${at(0.95)} | ${at(0.99)} | ${(completed / seconds).toFixed(1)} | ${AUDIT_ACTION[kind]} | ${added} | ${cutOff[kind]} | ${matches ? 'yes' : '**no**'} |`);
  }
  const all = KINDS.reduce((n, k) => n + stats[k].latencies.length, 0);
  console.log(`| all | ${all} | | ${result.latency.p50} | | ${result.latency.p99} | ${(all / seconds).toFixed(1)} | | | | |`);
  if (exhausted) console.log(`\n${exhausted} involvements had no fresh child left (raise INVOLVEMENTS_PER_SESSION).`);
  console.log(failed ? '\nFAILED: errors, unexpected answers, or completed requests without their audit event.' : '\nEvery completed request was answered as expected and left its audit event.');
  exitCode = failed ? 1 : 0;
} finally {
  server.kill('SIGTERM');
  await connection.close();
}
process.exit(exitCode);

type Session = { cookie: string; views: string[]; involvementChildren: string[]; purposes: Map<string, number>; action: string };

async function auditCounts(): Promise<Map<string, number>> {
  const rows = await connection.sql<{ action: string; n: number }[]>`
    select action, count(*)::int as n from audit_events where action = any(${Object.values(AUDIT_ACTION)}) group by action`;
  return new Map(rows.map((r) => [r.action, r.n]));
}

/**
 * The involvement form's server action, as the page names it: the browser calls it with the action's id in a
 * Next-Action header and its arguments (the bound child id, the form's previous state, the form) encoded as React
 * encodes a reply — the form's fields under the `_1_` prefix, then the argument list, which refers to them as `$K1`.
 */
async function involvementAction(cookie: string, childId: string, purpose: number): Promise<string> {
  const html = await (await fetch(`${base}/staff/children/${childId}/involvement?purpose=${purpose}`, { headers: { cookie } })).text();
  const id = /name="\$ACTION_1:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1];
  if (!id) throw new Error('The involvement page has no server action for its form');
  return id;
}

function involvementRequest(session: Session, childId: string, headers: Record<string, string>): autocannon.Request {
  const boundary = `----bench${Math.random().toString(16).slice(2)}`;
  const fields: [string, string][] = [
    ['_1_purpose', String(session.purposes.get(childId) ?? '')],
    ['_1_serviceCode', 'education'],
    ['_1_role', 'Class teacher'],
    ['_1_email', 'bench.teacher@bench.example.org'],
    ['_1_startedOnDay', '1'],
    ['_1_startedOnMonth', '9'],
    ['_1_startedOnYear', '2026'],
    ['0', JSON.stringify([childId, {}, '$K1'])],
  ];
  const body = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('') + `--${boundary}--\r\n`;
  return {
    method: 'POST',
    path: `/staff/children/${childId}/involvement`,
    headers: { ...headers, 'next-action': session.action, accept: 'text/x-component', 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
  };
}
