// npm run cli -- <command>. Commands:
//   totp <user name>   the current security code of a demo account (for signing in to the demo)
//   api-key            the demo system client's API key
//   retention [--dry-run] [--today YYYY-MM-DD]
//                      run the retention rules now (as the nightly job does) and print the report
//   audit verify [--public-key <file.pem>]
//                      walks every hash chain of the audit trail and checks it against the signed anchor log (with
//                      the anchor key's public half, or the anchor key); exits 1 if anything is broken
//   audit anchor       signs the chain heads and appends them to the anchor log now (as the hourly job does)
//   load --source <code> [--as-of YYYY-MM-DD] <file.csv>
//                      loads a source system's file (docs/load-format.md); run again to resume a stopped load
import { generate } from 'otplib';
import { appConnection, connect } from '@/db';
import { applyMigrations } from '@/db/migrate';
import { DEMO_ACCOUNTS } from '@/lib/reference/demo-accounts';
import { demoApiClient, demoTotpSecret } from '@/lib/reference/demo-credentials';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { anchorAuditHeads } from '@/lib/audit/anchor-audit-heads';
import { anchorKey, anchorLogPath } from '@/lib/audit/anchor-key.js';
import { describeAuditBreak } from '@/lib/audit/describe-audit-break';
import { verifyAuditAnchors } from '@/lib/audit/verify-audit-anchors';
import { verifyAuditTrail } from '@/lib/audit/verify-audit-trail';
import { todayInLondon } from '@/lib/kernel/dates';
import { env } from '@/lib/env.js';
import { runRetention } from '@/lib/retention/run-retention';
import { isRealIsoDay } from '@/lib/validation/iso-day';
import { loadCommand } from '@/lib/loads/load-command';

const [command, ...args] = process.argv.slice(2);

/** The anchor key, or the setting's message (not a stack trace) and exit code 2. */
function requiredAnchorKey() {
  try {
    return anchorKey();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}

async function totp(username: string | undefined) {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account || account.tokenNotEnrolled) {
    const names = DEMO_ACCOUNTS.filter((a) => !a.tokenNotEnrolled).map((a) => a.username).join(', ');
    console.error(`Give the user name of a demo account with a security token: ${names}`);
    process.exit(2);
  }
  const code = await generate({ secret: demoTotpSecret(account.username) });
  const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
  console.log(`${code}  (for ${account.username}; changes in ${secondsLeft} s)`);
}

async function retention(args: string[]) {
  const dryRun = args.includes('--dry-run');
  const todayAt = args.indexOf('--today');
  const today = todayAt >= 0 ? args[todayAt + 1] : todayInLondon();
  if (!today || !isRealIsoDay(today)) {
    console.error('Give the day as --today YYYY-MM-DD, or leave it out for today.');
    process.exit(2);
  }
  const connection = await appConnection();
  try {
    const report = await runRetention({ db: connection.db, today, dryRun });
    const { counts } = report;
    console.log(`${dryRun ? 'Dry run: nothing was changed. ' : ''}Retention for ${today}:`);
    console.log(`  left the live index at 18: ${counts.leftAt18}, at 25: ${counts.leftAt25}, a year after a death: ${counts.leftAfterDeath}`);
    console.log(`  purged after six years in the archive: ${counts.purged}`);
    for (const [label, ids] of [['left', [...report.left.at18, ...report.left.at25, ...report.left.afterDeath]], ['purged', report.purged]] as const) {
      for (const id of ids) console.log(`  ${label} ${id}`);
    }
  } finally {
    await connection.close();
  }
}

async function auditVerify(args: string[]) {
  const publicKeyAt = args.indexOf('--public-key');
  const publicKey = publicKeyAt >= 0 ? createPublicKey(readFileSync(args[publicKeyAt + 1] ?? '')) : requiredAnchorKey().publicKey;
  const connection = await connect({ url: env.DATABASE_URL, max: 2 });
  try {
    if (env.MIGRATE_ON_START) await applyMigrations(connection);
    const started = performance.now();
    const result = await verifyAuditTrail({ db: connection.db });
    const anchors = await verifyAuditAnchors({ db: connection.db, publicKey, logPath: anchorLogPath() });
    const seconds = (performance.now() - started) / 1000;
    const counts = `${result.events.toLocaleString('en-GB')} events in ${result.chains} chains (${result.redacted.toLocaleString('en-GB')} redacted), ${anchors.lines.toLocaleString('en-GB')} anchors, ${seconds.toFixed(1)} s`;
    const breaks = [...anchors.breaks, ...result.breaks];
    if (breaks.length === 0) {
      console.log(`Audit trail OK: ${counts}.`);
      return;
    }
    const total = breaks.length + result.breaksLeftOut;
    console.error(`Audit trail BROKEN: ${total.toLocaleString('en-GB')} breaks; ${counts}.`);
    for (const b of breaks) console.error(`  ${describeAuditBreak(b)}`);
    if (result.breaksLeftOut) console.error(`  … and ${result.breaksLeftOut.toLocaleString('en-GB')} more`);
    process.exitCode = 1;
  } finally {
    await connection.close();
  }
}

async function auditAnchor() {
  const key = requiredAnchorKey();
  const connection = await appConnection();
  try {
    const logPath = anchorLogPath();
    await anchorAuditHeads({ db: connection.db, key, logPath });
    console.log(`Anchored the audit trail's chain heads in ${logPath} (key ${key.keyId}).`);
  } finally {
    await connection.close();
  }
}

switch (command) {
  case 'totp':
    await totp(args[0]);
    break;
  case 'api-key':
    console.log(demoApiClient().key);
    break;
  case 'retention':
    await retention(args);
    break;
  case 'audit':
    if (args[0] === 'verify') await auditVerify(args.slice(1));
    else if (args[0] === 'anchor') await auditAnchor();
    else {
      console.error('Usage: npm run cli -- audit verify [--public-key <file.pem>] | audit anchor');
      process.exit(2);
    }
    break;
  case 'load':
    await loadCommand(args);
    break;
  default:
    console.error('Usage: npm run cli -- totp <user name> | api-key | retention [--dry-run] [--today YYYY-MM-DD] | audit verify | audit anchor | load --source <code> <file.csv>');
    process.exit(2);
}
