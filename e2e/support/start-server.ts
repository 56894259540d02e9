// Playwright's web server: a fresh database with a small synthetic population and the demo accounts, then the
// built app. On DATABASE_URL's server the e2e run gets a database of its own; otherwise a new embedded one.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { connect } from '@/db';
import { applyMigrations } from '@/db/migrate';
import { demoApiClient } from '@/lib/reference/demo-credentials';
import { seedDatabase } from '@/db/seed/seed-database';
import { startSmtpListener } from '@/testing/smtp-listener';
import { E2E_FIXTURES, type E2eChild } from './fixtures-file';
import { E2E_MAIL_DIR } from './mailbox';
import { E2E_SERVER_LOG } from './server-log';

const root = path.resolve(import.meta.dirname, '..', '..');
const port = process.env.E2E_PORT ?? '3210';
const env: Record<string, string> = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'e2e-only-secret-e2e-only-secret-e2e-only',
  APP_URL: `http://localhost:${port}`,
};

if (process.env.DATABASE_URL) {
  const base = new URL(process.env.DATABASE_URL);
  const name = `${base.pathname.slice(1)}_e2e`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists "${name}" with (force)`);
  await sql.unsafe(`create database "${name}"`);
  await sql.end();
  base.pathname = `/${name}`;
  env.DATABASE_URL = base.toString();
} else {
  env.DATA_DIR = path.join(root, '.data', 'e2e');
  rmSync(env.DATA_DIR, { recursive: true, force: true });
}

// The key that signs the audit trail's anchors, without which the service does not start outside demo mode.
const anchorDir = path.join(root, '.data', 'e2e-anchors');
rmSync(anchorDir, { recursive: true, force: true });
mkdirSync(anchorDir, { recursive: true });
env.AUDIT_ANCHOR_KEY_FILE = path.join(anchorDir, 'anchor-key.pem');
env.AUDIT_ANCHOR_LOG = path.join(anchorDir, 'audit-anchors.jsonl');
writeFileSync(env.AUDIT_ANCHOR_KEY_FILE, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });

// A real SMTP server for the app to send to; what arrives is written where the tests can read it.
rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
mkdirSync(E2E_MAIL_DIR, { recursive: true });
let received = 0;
const smtp = await startSmtpListener({
  onReceive: (email) => writeFileSync(path.join(E2E_MAIL_DIR, `${String(++received).padStart(4, '0')}.json`), JSON.stringify(email)),
});
env.SMTP_URL = smtp.url;

const connection = await connect({ url: env.DATABASE_URL, embedded: env.DATA_DIR ? { dataDir: env.DATA_DIR } : undefined });
try {
  await applyMigrations(connection);
  await seedDatabase({ connection, children: 2_000, seed: 7, asOf: new Date().toISOString().slice(0, 10), reset: false, demoAccounts: true });
  // Children for the tests to look for, chosen from what was generated.
  const pick = (shielded: boolean) => connection.sql<E2eChild[]>`
    select id, index_number as "indexNumber", given_names as "givenNames", family_name as "familyName",
           date_of_birth::text as "dateOfBirth", postcode
    from children where is_shielded = ${shielded} and address_status = 'current' and length(family_name) >= ${shielded ? 1 : 5}
    order by index_number limit 1`;
  const [ordinary] = await pick(false);
  const [shielded] = await pick(true);
  // A child someone already works with (an ordinary service with an email address), to be told of a newcomer.
  const [involved] = await connection.sql<(E2eChild & { involvedEmail: string })[]>`
    select c.id, c.index_number as "indexNumber", c.given_names as "givenNames", c.family_name as "familyName",
           c.date_of_birth::text as "dateOfBirth", c.postcode, min(i.email) as "involvedEmail"
    from children c
    join involvements i on i.child_id = c.id and i.ended_on is null and i.email is not null
    join service_types s on s.code = i.service_type_code and not s.is_sensitive
    where not c.is_shielded and c.address_status = 'current' and length(c.family_name) >= 5 and c.id <> ${ordinary!.id}
    group by c.id order by c.index_number limit 1`;
  // For the portal: a young person of 12 to 17, and a child under 12 whose parent's email is on the record.
  const [youngPerson, teen] = await connection.sql<E2eChild[]>`
    select id, index_number as "indexNumber", given_names as "givenNames", family_name as "familyName",
           date_of_birth::text as "dateOfBirth", postcode
    from children where not is_shielded and address_status = 'current' and status = 'live'
      and date_of_birth between current_date - interval '17 years' and current_date - interval '13 years'
      and id not in (${ordinary!.id}, ${involved!.id})
    order by index_number limit 2`;
  const [smallChild] = await connection.sql<(E2eChild & { parentGivenNames: string; parentFamilyName: string; parentEmail: string })[]>`
    select c.id, c.index_number as "indexNumber", c.given_names as "givenNames", c.family_name as "familyName",
           c.date_of_birth::text as "dateOfBirth", c.postcode, p.given_names as "parentGivenNames",
           p.family_name as "parentFamilyName", p.email as "parentEmail"
    from children c
    join child_carers cc on cc.child_id = c.id and cc.has_parental_responsibility
    join carers p on p.id = cc.carer_id and p.email is not null
    where not c.is_shielded and c.address_status = 'current' and c.status = 'live' and c.date_of_birth > current_date - interval '10 years'
    order by c.index_number limit 1`;
  // A live, unshielded child at a current address in the demo caseworker's council, meeting `condition` too.
  const inCaseworkersCouncil = (condition: postgres.PendingQuery<postgres.Row[]>) => connection.sql<E2eChild[]>`
    select c.id, c.index_number as "indexNumber", c.given_names as "givenNames", c.family_name as "familyName",
           c.date_of_birth::text as "dateOfBirth", c.postcode
    from children c
    join child_addresses ca on ca.child_id = c.id and ca.lived_until is null
    join addresses a on a.id = ca.address_id
    join staff_users s on s.username = 'demo.caseworker' and s.local_authority_code = a.local_authority_code
    where not c.is_shielded and c.address_status = 'current' and c.status = 'live' and ${condition}
    order by c.index_number limit 1`;
  // For casework: a young person living where the demo caseworker's index team answers for them.
  const [corrected] = await inCaseworkersCouncil(connection.sql`
    c.date_of_birth between current_date - interval '17 years' and current_date - interval '13 years'
    and c.id not in (${ordinary!.id}, ${involved!.id}, ${youngPerson!.id}, ${teen!.id})`);
  // For the direct edit (e2e/record-edit.spec.ts): another child of that council whom no other spec uses.
  const [edited] = await inCaseworkersCouncil(connection.sql`
    c.id not in (${ordinary!.id}, ${involved!.id}, ${youngPerson!.id}, ${teen!.id}, ${smallChild!.id}, ${corrected!.id})`);
  // For shielding: a child whom no other spec uses, living apart from those who are.
  const others = [ordinary!.id, shielded!.id, involved!.id, youngPerson!.id, teen!.id, smallChild!.id, corrected!.id, edited!.id];
  const [toShield] = await inCaseworkersCouncil(connection.sql`
    length(c.family_name) >= 5 and a.id not in (select address_id from child_addresses where child_id = any(${others}::uuid[]))`);
  // For staying on until 25 (e2e/stay-on.spec.ts): a young person of 16 or 17, months from 18, whom no other spec uses.
  const [stayingOn] = await inCaseworkersCouncil(connection.sql`
    c.date_of_birth between current_date - interval '17 years 6 months' and current_date - interval '16 years 1 month'
    and c.id <> all(${[...others, toShield!.id]}::uuid[])`);
  // A correction notice waiting for a source of the demo API client's council (e2e/correction-notices-api.spec.ts),
  // dated before any a test makes, so it is the first listed.
  const [correctionNotice] = await connection.sql<{ id: string; sourceSystem: string }[]>`
    insert into correction_notices (source_system_id, child_id, item_kind, field, previous_value, corrected_value, record_version, created_at)
    select s.id, c.id, 'child', 'gender', c.gender::text, 'not_specified', c.version, '2000-01-01T00:00:00Z'
    from api_clients a join source_systems s on s.organisation_id = a.organisation_id, children c
    where a.id = ${demoApiClient().id} and c.id = ${ordinary!.id}
    order by s.code limit 1
    returning id, (select code from source_systems where id = source_system_id) as "sourceSystem"`;
  // For the keyboard-only journey (e2e/keyboard-journeys.spec.ts): a young person of 13 to 17 in the demo caseworker's
  // council whom no other spec uses, living apart from those who are (a household gets only so many letters at a time).
  const used = [...others, toShield!.id, stayingOn!.id];
  const [keyboard] = await inCaseworkersCouncil(connection.sql`
    c.date_of_birth between current_date - interval '17 years' and current_date - interval '13 years'
    and a.id not in (select address_id from child_addresses where child_id = any(${used}::uuid[]))`);
  // For a source load's safeguarding review (e2e/source-loads.spec.ts): a child of the demo caseworker's council whom
  // that council's index team has shielded, and whom no other spec uses.
  const [loadShielded] = await inCaseworkersCouncil(connection.sql`c.id <> all(${[...used, keyboard!.id]}::uuid[])`);
  await connection.sql`
    insert into shields (child_id, responsible_local_authority_code, reason)
    select ${loadShielded!.id}, local_authority_code, 'Fixture: fleeing domestic violence' from staff_users where username = 'demo.caseworker'`;
  await connection.sql`update children set is_shielded = true, postcode = null where id = ${loadShielded!.id}`;
  // For the journeys without JavaScript (e2e/without-javascript.spec.ts): a young person of 13 to 17 in the demo
  // caseworker's council whom no other spec uses, living apart from those who are.
  const [withoutScript] = await inCaseworkersCouncil(connection.sql`
    c.date_of_birth between current_date - interval '17 years' and current_date - interval '13 years'
    and a.id not in (select address_id from child_addresses where child_id = any(${[...used, keyboard!.id, loadShielded!.id]}::uuid[]))`);
  // For a parent of a young person of 12 or over (e2e/portal-parent-asks.spec.ts): one whose parent's email is on the
  // record, whom no other spec uses, living apart from those who are.
  const [olderChild] = await connection.sql<(E2eChild & { parentGivenNames: string; parentFamilyName: string; parentEmail: string })[]>`
    select c.id, c.index_number as "indexNumber", c.given_names as "givenNames", c.family_name as "familyName",
           c.date_of_birth::text as "dateOfBirth", c.postcode, p.given_names as "parentGivenNames",
           p.family_name as "parentFamilyName", p.email as "parentEmail"
    from children c
    join child_addresses ca on ca.child_id = c.id and ca.lived_until is null
    join child_carers cc on cc.child_id = c.id and cc.has_parental_responsibility
    join carers p on p.id = cc.carer_id and p.email is not null
    where not c.is_shielded and c.address_status = 'current' and c.status = 'live'
      and c.date_of_birth between current_date - interval '17 years' and current_date - interval '13 years'
      and ca.address_id not in (select address_id from child_addresses where child_id = any(${[...used, keyboard!.id, loadShielded!.id, withoutScript!.id]}::uuid[]))
    order by c.index_number limit 1`;
  writeFileSync(E2E_FIXTURES, JSON.stringify({ ordinary, shielded, involved, youngPerson, teen, smallChild, corrected, edited, toShield, stayingOn, correctionNotice, keyboard, loadShielded, withoutScript, olderChild }));
} finally {
  await connection.close();
}

const server = spawn(process.execPath, [path.join(root, 'server.js')], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'pipe'],
  env: { ...process.env, ...env, PORT: port },
});
// Shown as before, and kept for the tests that read what the app logs (e2e/database-faults.spec.ts).
const log = createWriteStream(E2E_SERVER_LOG);
server.stdout.on('data', (chunk: Buffer) => (process.stdout.write(chunk), log.write(chunk)));
server.stderr.on('data', (chunk: Buffer) => (process.stderr.write(chunk), log.write(chunk)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
