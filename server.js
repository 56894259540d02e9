// The service's web server (`npm start`): Next.js's request handler inside our own HTTP server, which `next start`
// cannot be told to be. It gives every request the socket's address (lib/http/web-server.js), so the client's address
// cannot be forged, and it cuts off clients that hold a connection without sending (SERVER_TIMEOUTS).
import next from 'next';
import { env } from './lib/env.js';
import { createWebServer } from './lib/http/web-server.js';

// The app's instrumentation refuses to serve in production without this mark: `next start` would trust X-Forwarded-For.
globalThis.__childrensIndexWebServer = true;

const app = next({ dev: false, dir: import.meta.dirname, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
createWebServer((request, response) => handle(request, response)).listen(env.PORT, () => {
  console.log(`Children’s Index listening on port ${env.PORT}`);
});
