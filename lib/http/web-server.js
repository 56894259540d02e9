// @ts-check
// The service's HTTP server: plain JavaScript, because server.js runs it before Next.js is loaded.
import { createServer } from 'node:http';

/**
 * How long a client may take. Node's defaults let a request that declares a body and never sends it hold its
 * connection for five minutes and more; these cut it off once it has been silent for 30 s, and cap a whole request
 * (headers and body, a large load file included) at five minutes.
 */
export const SERVER_TIMEOUTS = { headersMs: 20_000, requestMs: 5 * 60_000, idleMs: 30_000, keepAliveMs: 5_000, checkEveryMs: 5_000 };

/**
 * X-Forwarded-For with the socket's address appended, as a proxy appends the address it was connected from. What a
 * client wrote there stays to the left, where lib/http/client-address.ts reads it only as far as proxies are trusted.
 * @param {string | string[] | undefined} forwardedFor
 * @param {string | undefined} socketAddress
 */
export function withSocketAddress(forwardedFor, socketAddress) {
  const written = Array.isArray(forwardedFor) ? forwardedFor.join(', ') : (forwardedFor ?? '');
  return [written.trim(), socketAddress ?? 'unknown'].filter(Boolean).join(', ');
}

/**
 * @param {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => unknown} handle
 * @param {typeof SERVER_TIMEOUTS} [timeouts]
 */
export function createWebServer(handle, timeouts = SERVER_TIMEOUTS) {
  const server = createServer(
    { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: timeouts.checkEveryMs },
    (request, response) => {
      request.headers['x-forwarded-for'] = withSocketAddress(request.headers['x-forwarded-for'], request.socket.remoteAddress);
      return handle(request, response);
    },
  );
  // With no 'timeout' listener, Node destroys a socket that has been silent this long.
  server.setTimeout(timeouts.idleMs);
  server.keepAliveTimeout = timeouts.keepAliveMs;
  return server;
}
