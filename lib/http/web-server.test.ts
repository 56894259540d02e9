import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';
import { createWebServer, SERVER_TIMEOUTS, withSocketAddress } from './web-server.js';

const headers = (forwardedFor: string) => new Headers({ 'x-forwarded-for': forwardedFor });

describe('the client address', () => {
  it('is the socket’s address, whatever the client wrote, when no proxy is trusted', () => {
    expect(clientAddress(headers(withSocketAddress('6.6.6.6, 7.7.7.7', '::ffff:192.0.2.44')), 0)).toBe('192.0.2.44');
    expect(clientAddress(headers(withSocketAddress(undefined, '2001:db8::1')), 0)).toBe('2001:db8::1');
  });

  it('is the entry the trusted proxies’ nearest wrote, never one further left', () => {
    // A client wrote 6.6.6.6; the load balancer (10.0.0.5) appended the client's own 203.0.113.9.
    const viaLoadBalancer = headers(withSocketAddress('6.6.6.6, 203.0.113.9', '10.0.0.5'));
    expect(clientAddress(viaLoadBalancer, 1)).toBe('203.0.113.9');
    expect(clientAddress(viaLoadBalancer, 0)).toBe('10.0.0.5');
    // Straight to the app, past a proxy that was expected: the socket's address, not a guess.
    expect(clientAddress(headers(withSocketAddress(undefined, '198.51.100.3')), 2)).toBe('198.51.100.3');
  });

  it('is nothing rather than anything that is not an address', () => {
    expect(clientAddress(headers('not-an-address, 203.0.113.9'), 1)).toBeNull();
    expect(clientAddress(new Headers(), 0)).toBeNull();
  });
});

describe('the web server', () => {
  const listen = async (timeouts = SERVER_TIMEOUTS) => {
    const seen: string[] = [];
    const server = createWebServer((request, response) => {
      seen.push(String(request.headers['x-forwarded-for']));
      request.resume();
      request.on('end', () => response.end('read'));
    }, timeouts);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return { server, seen, port: (server.address() as AddressInfo).port };
  };

  it('adds the socket’s address after whatever X-Forwarded-For a client sends', async () => {
    const { server, seen, port } = await listen();
    try {
      await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '6.6.6.6' } });
      expect(clientAddress(headers(seen[0]!), 0)).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });

  it('closes a connection whose request declares a body and never sends it', async () => {
    const { server, port } = await listen({ ...SERVER_TIMEOUTS, headersMs: 1_000, idleMs: 500, requestMs: 2_000, checkEveryMs: 250 });
    try {
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      socket.write('POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      await once(socket, 'close');
      expect(answer).not.toContain('read');
    } finally {
      server.close();
    }
  });

  it('gives silent clients far less than Node’s five minutes', () => {
    expect(SERVER_TIMEOUTS.idleMs).toBeLessThanOrEqual(30_000);
    expect(SERVER_TIMEOUTS.headersMs).toBeLessThanOrEqual(20_000);
  });
});
