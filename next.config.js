// @ts-check
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { anchorKey } from './lib/audit/anchor-key.js';
import { requireServiceSettings } from './lib/env.js'; // a bad setting stops the app here, at start
import { FORM_BODY_LIMIT_BYTES } from './lib/http/body-limits.js';

// GOV.UK Frontend is served as it is published: its stylesheet (which the bundler's CSS parser rejects for an old
// browser hack) from /govuk, and the fonts and images that stylesheet loads from /assets.
const require = createRequire(import.meta.url);
const govukDist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');
const publicDir = path.join(import.meta.dirname, 'public');
cpSync(path.join(govukDist, 'assets'), path.join(publicDir, 'assets'), { recursive: true });
for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.css.map']) {
  cpSync(path.join(govukDist, file), path.join(publicDir, 'govuk', file));
}

// Headers for every response. The pages' Content-Security-Policy is not here: it carries a fresh nonce per request,
// so proxy.ts sets it (and Cache-Control: no-store).
const securityHeaders = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  // Nothing of an address leaves for another site; the service's own pages keep their origin. no-referrer made
  // browsers send `Origin: null` with a form posted without JavaScript, and Next.js aborts such a server action.
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() for a signed-in user of the wrong role.
  // A form's body beyond this is refused before the action runs (proxy.ts answers 413 first when the body's size
  // is declared, as browsers always do).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: FORM_BODY_LIMIT_BYTES } },
  reactStrictMode: true,
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'postgres'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Static files run no script and are never framed, whatever they contain (an SVG opened on its own could).
      // The system clients' JSON API renders nothing and runs no script: a fixed policy, no nonce (and no proxy).
      // The upload page's route handler, outside the proxy too (proxy.ts): it answers redirects and plain text only.
      {
        source: '/staff/casework/loads/upload',
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
          { key: 'Cache-Control', value: 'no-store' },
        ],
      },
      {
        source: '/api/v1/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
          { key: 'Cache-Control', value: 'no-store' },
        ],
      },
      ...['/_next/static/:path*', '/assets/:path*', '/govuk/:path*'].map((source) => ({
        source,
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; frame-ancestors 'none'" }],
      })),
    ];
  },
};

// A build needs no mail server, secrets or anchor key; `next start` and `next dev` refuse to serve without them.
/** @param {string} phase */
export default function config(phase) {
  if (phase !== PHASE_PRODUCTION_BUILD) {
    requireServiceSettings();
    anchorKey();
  }
  return nextConfig;
}
