// Playwright's web server: a fresh database with a small synthetic population and the demo accounts, then the
// built app. On DATABASE_URL's server the e2e run gets a database of its own; otherwise a new embedded one.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { connect } from '@/db/index';
import { applyMigrations } from '@/db/migrate';
import { seedDatabase } from '@/db/seed/seed-database';
import { startSmtpListener } from '@/lib/testing/smtp-listener';
import { E2E_FIXTURES, type E2eChild } from './fixtures-file';
import { E2E_MAIL_DIR } from './mailbox';

const root = path.resolve(import.meta.dirname, '..', '..');
const port = process.env.E2E_PORT ?? '3210';
const env: Record<string, string> = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'e2e-only-secret-e2e-only-secret-e2e-only',
  APP_URL: `http://localhost:${port}`,
  AUTH_TRUST_HOST: 'true',
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
  await seedDatabase({ connection, children: 2_000, seed: 7, asOf: new Date().toISOString().slice(0, 10), reset: false });
  // Children for the tests to look for, chosen from what was generated.
  const pick = (shielded: boolean) => connection.sql<E2eChild[]>`
    select id, index_number as "indexNumber", given_names as "givenNames", family_name as "familyName",
           date_of_birth::text as "dateOfBirth", postcode
    from children where is_shielded = ${shielded} and address_status = 'current' and length(family_name) >= ${shielded ? 1 : 5}
    order by index_number limit 1`;
  const [ordinary] = await pick(false);
  const [shielded] = await pick(true);
  writeFileSync(E2E_FIXTURES, JSON.stringify({ ordinary, shielded }));
} finally {
  await connection.close();
}

const server = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', port], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...env },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
