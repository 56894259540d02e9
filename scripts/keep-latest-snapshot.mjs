// Run by `npm run db:generate` after drizzle-kit. drizzle-kit diffs the schema against the latest migration's
// snapshot only (meta/<idx>_snapshot.json of the journal's last entry); the older ones were 5 MB of history that git
// already keeps. db/migrations-match-schema.test.ts checks that only the latest is left.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const meta = path.resolve(import.meta.dirname, '..', 'db', 'migrations', 'meta');
const latest = JSON.parse(readFileSync(path.join(meta, '_journal.json'), 'utf8')).entries.at(-1);
const keep = `${String(latest.idx).padStart(4, '0')}_snapshot.json`;
for (const file of readdirSync(meta)) {
  if (file.endsWith('_snapshot.json') && file !== keep) rmSync(path.join(meta, file));
}
