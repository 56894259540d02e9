// Run by `npm install` / `npm ci` (postinstall). Mends defects in postgres.js 3.4.9 (the latest release) that stop
// the app recovering cleanly when PostgreSQL drops a connection (a failover, a restart, pg_terminate_backend):
// porsager/postgres#1154, #1208, unreleased fixes #1168, #1209; the last two below are this project's own.
//
// - Small writes wait behind a setImmediate. When the socket closes, closed() and terminate() cancel that timer but
//   leave the variable set, so the connection, reused by the pool, never arms it again: its next start-up message sits
//   in the buffer and every query given to that connection fails after the 30 s connect timeout, for ever. They now
//   forget the timer and the dead socket's buffered bytes.
// - A write that fires after the socket is gone threw from the timer (an uncaught exception, not the query's
//   rejection); it now fails the waiting queries with CONNECTION_CLOSED.
// - The array-type lookup a new connection makes was not awaited by anyone: a connection lost during it was an
//   unhandled rejection. Losing it is already handled (the connection reconnects), so the rejection is dropped.
// - A connection lost while a query was in flight kept that query and the server's last error (the 57P01 of
//   pg_terminate_backend) after it closed. When the pool next used it, the start-up's ReadyForQuery of the new session
//   delivered that stale error to the new query: every connection terminated mid-query failed one more request
//   later, and a stale query could be "answered" by the new session's start-up. closed() now forgets them.
// - A query answered by nothing but the server's FATAL 57P01 (admin_shutdown: pg_terminate_backend, or a fast or
//   smart shutdown) was never run: the backend ends only between statements' messages, and it sends what it had
//   buffered, so a statement that had completed (committed, in the extended protocol, only at its Sync) would show as
//   answered first (in the simple protocol too: the commit and its CommandComplete come with no interrupt between
//   them; only BEGIN, which changes nothing, is retried there all the same). Such a query of the pool, not of a
//   transaction or reserved connection, is given to the pool again (at most once per pool connection) instead of
//   failing; so is any query given to a connection whose server had already said FATAL while it was idle, before its
//   socket's close was seen: that session ended before the query could be read. This is what lets
//   a request that picks a connection terminated a moment ago succeed. A lost connection without that FATAL (a reset,
//   a crash) still fails the query: it may have run.
// - A query given to a connection between its socket's error and its close (which Node emits only in the close
//   phase, while the pool still lists the connection as busy) was queued behind the lost one and never settled: the
//   close failed only what was there at the error. The close now fails what is still queued, and a query handed back
//   to the pool waits for a timer, past the close phase. This was the request that now and then hung.
//
// The package must be 3.4.9, and each edit must find the text it replaces exactly once, or its own result; anything
// else (a new postgres.js) stops the install, so that this file is looked at again, and deleted once a release
// carries the fixes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', 'node_modules', 'postgres');
const VERSION = '3.4.9';
const MARK = '/* childrens-index: patched (scripts/patch-postgres-js.mjs) */';

const connectionEdits = [
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
  {
    from: "    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n",
    to:
      "    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n" +
      '    // given to the connection between its socket error and its close: nothing else would ever settle them\n' +
      "    while (sent.length) queryError(sent.shift(), Errors.connection('CONNECTION_CLOSED', options, socket))\n" +
      '    query = results = errorResponse = null\n' +
      '    result = new Result()\n' +
      '    rows = 0\n' +
      '    lostUnanswered = false\n',
  },
  {
    // Killed during its start-up (the array-type lookup is then the query): the next attempt starts afresh too.
    from: '    if (initial)\n      return reconnect()\n',
    to: '    if (initial) {\n      query = results = errorResponse = null\n      result = new Result()\n      rows = 0\n      return reconnect()\n    }\n',
  },
  { from: '    , final = null\n', to: '    , final = null\n    , lostUnanswered = false\n' },
  { from: '  function connected() {\n    try {\n', to: '  function connected() {\n    try {\n      lostUnanswered = false\n' },
  {
    from: '  function handle(xs, x = xs[0]) {\n',
    // The semicolon matters: the next line opens with a parenthesis.
    to: '  function handle(xs, x = xs[0]) {\n    query && x !== 69 && (query.answered = true);\n',
  },
  {
    from: '      errorResponse = Errors.postgres(parseError(x))\n',
    to:
      '      errorResponse = Errors.postgres(parseError(x))\n' +
      "      lostUnanswered = !query.answered && errorResponse.severity === 'FATAL' && errorResponse.code === '57P01'\n",
  },
  {
    // A FATAL while idle ends the session before anything given to the connection afterwards could be read.
    from: '    } else {\n      errored(Errors.postgres(parseError(x)))\n',
    to: '    } else {\n      const fatal = Errors.postgres(parseError(x))\n' + "      lostUnanswered = fatal.severity === 'FATAL' && 'idle'\n" + '      errored(fatal)\n',
  },
  {
    from: '    if (query.reserve)\n      return query.reject(err)\n',
    to:
      '    if (query.reserve)\n      return query.reject(err)\n\n' +
      '    if (lostUnanswered && query.viaPool && !query.answered && (lostUnanswered === \'idle\' || !query.options.simple || query.options.onexecute) && (query.lostRetries || 0) < options.max) {\n' +
      '      query.lostRetries = (query.lostRetries || 0) + 1\n' +
      '      query.active = false\n' +
      '      // a timer, not setImmediate: the close of a socket that errored comes after the check phase, and the\n' +
      '      // pool would give the query back to this very connection, which then never settles it\n' +
      '      return setTimeout(() => query.handler(query), 0)\n' +
      '    }\n',
  },
];

const indexEdits = [
  { from: '  function handler(query) {\n    if (ending)\n', to: '  function handler(query) {\n    query.viaPool = true\n    if (ending)\n' },
];

const installed = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
if (installed !== VERSION) {
  console.error(`patch-postgres-js: postgres.js is ${installed}, not ${VERSION}; check whether the fixes are released and remove this script`);
  process.exit(1);
}

for (const [file, edits] of ['src', 'cjs/src', 'cf/src'].flatMap((dir) => [[`${dir}/connection.js`, connectionEdits], [`${dir}/index.js`, indexEdits]])) {
  const target = path.join(root, file);
  let text;
  try {
    text = readFileSync(target, 'utf8');
  } catch {
    console.error(`patch-postgres-js: ${target} is missing`);
    process.exit(1);
  }
  for (const { from, to } of edits) {
    if (text.includes(to)) continue;
    const at = text.indexOf(from);
    if (at === -1 || text.indexOf(from, at + 1) !== -1) {
      console.error(`patch-postgres-js: ${file} is not postgres.js ${VERSION} as expected (looking for ${JSON.stringify(from.trim().split('\n')[0])}); check whether the fixes are released and remove this script`);
      process.exit(1);
    }
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  writeFileSync(target, text.startsWith(MARK) ? text : `${MARK}\n${text}`);
}
