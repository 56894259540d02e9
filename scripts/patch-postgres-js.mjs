// Run by `npm install` / `npm ci` (postinstall). Mends a defect in postgres.js 3.4.9 (the latest release) that stops
// the app recovering when PostgreSQL drops a connection (a failover, a restart, pg_terminate_backend):
// porsager/postgres#1154, #1208, unreleased fixes #1168, #1209.
//
// - Small writes wait behind a setImmediate. When the socket closes, closed() and terminate() cancel that timer but
//   leave the variable set, so the connection, reused by the pool, never arms it again: its next start-up message sits
//   in the buffer and every query given to that connection fails after the 30 s connect timeout, for ever. They now
//   forget the timer and the dead socket's buffered bytes.
// - A write that fires after the socket is gone threw from the timer (an uncaught exception, not the query's
//   rejection); it now fails the waiting queries with CONNECTION_CLOSED.
// - The array-type lookup a new connection makes was not awaited by anyone: a connection lost during it was an
//   unhandled rejection. Losing it is already handled (the connection reconnects), so the rejection is dropped.
//
// Each edit must find the text it replaces or its own result; anything else (a new postgres.js) stops the install,
// so that this file is looked at again, and deleted once a release carries the fix.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', 'node_modules', 'postgres');
const MARK = '/* childrens-index: patched (scripts/patch-postgres-js.mjs) */';

const edits = [
  {
    from: '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    to:
      '  function nextWrite(fn) {\n' +
      '    if (!socket) {\n' +
      '      chunk = nextWriteTimer = null\n' +
      "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
      '      return false\n' +
      '    }\n' +
      '    const x = socket.write(chunk, fn)',
  },
  { from: '    clearImmediate(nextWriteTimer)\n    if (socket) {', to: '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {' },
  { from: '    clearImmediate(nextWriteTimer)\n    socket.removeListener', to: '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener' },
  { from: '        return fetchArrayTypes()\n', to: '        return fetchArrayTypes().catch(() => { /* the connection was lost: closed() reconnects */ })\n' },
];

for (const file of ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js']) {
  const target = path.join(root, file);
  let text;
  try {
    text = readFileSync(target, 'utf8');
  } catch {
    console.error(`patch-postgres-js: ${target} is missing`);
    process.exit(1);
  }
  if (text.startsWith(MARK)) continue;
  for (const { from, to } of edits) {
    const at = text.indexOf(from);
    if (at === -1 || text.indexOf(from, at + 1) !== -1) {
      console.error(`patch-postgres-js: ${file} is not postgres.js 3.4.9 as expected (looking for ${JSON.stringify(from.trim().split('\n')[0])}); check whether the fix is released and remove this script`);
      process.exit(1);
    }
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  writeFileSync(target, `${MARK}\n${text}`);
}
