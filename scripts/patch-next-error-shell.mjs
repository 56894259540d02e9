// Run by `npm install` / `npm ci` (postinstall), after patch-postgres-js.mjs. Gives Next.js 16.4.6's error document
// a body, so that a page that fails while being rendered shows "Sorry, there is a problem with the service" to a
// browser without JavaScript too (docs/decisions/012-failures-without-personal-data-or-javascript.md).
//
// When a server component throws, React cannot render the error boundary (app/error.tsx, a client component) on the
// server, so `next start` answers 500 with an empty document, <html id="__next_error__"><head></head><body></body>,
// and the browser's React draws the boundary. Without JavaScript the page stays blank. The empty body now takes the
// HTML the app leaves on globalThis.__childrensIndexErrorBody when it starts (instrumentation.ts,
// app/_components/service-problem-html.ts). A browser with JavaScript still sees the document's id, throws the body
// away and draws app/error.tsx as before.
//
// Only the production runtimes (`next start`) are edited; `next dev` shows its own overlay. The package must be
// 16.4.6 and each runtime must hold the empty body exactly once, or its own result; anything else stops the install.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', 'node_modules', 'next');
const VERSION = '16.4.6';
const RUNTIMES = ['app-page', 'app-page-turbo', 'app-page-experimental', 'app-page-turbo-experimental'].map(
  (name) => `dist/compiled/next-server/${name}.runtime.prod.js`,
);
const EMPTY = /([A-Za-z_$][\w$]*)\("html",\{id:"__next_error__"\},\1\("head",null\),\1\("body",null,null\)\)/g;
const FILLED = 'dangerouslySetInnerHTML:{__html:String(globalThis.__childrensIndexErrorBody??"")}';

const installed = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
if (installed !== VERSION) {
  console.error(`patch-next-error-shell: next is ${installed}, not ${VERSION}; check whether its error document still has an empty body, and update or remove this script`);
  process.exit(1);
}

for (const file of RUNTIMES) {
  const target = path.join(root, file);
  const text = readFileSync(target, 'utf8');
  if (text.includes(FILLED)) continue;
  const found = [...text.matchAll(EMPTY)];
  if (found.length !== 1) {
    console.error(`patch-next-error-shell: ${file} holds the empty error document ${found.length} times, not once; look at this script again`);
    process.exit(1);
  }
  const [whole, h] = found[0];
  const filled = `${h}("html",{id:"__next_error__",lang:"en-GB"},${h}("head",null),${h}("body",{${FILLED}}))`;
  writeFileSync(target, text.replace(whole, filled));
}
