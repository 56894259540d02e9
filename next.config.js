// @ts-check
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import './lib/env.js'; // a bad configuration stops the app here, at start

// GOV.UK Frontend is served as it is published: its stylesheet (which the bundler's CSS parser rejects for an old
// browser hack) from /govuk, and the fonts and images that stylesheet loads from /assets.
const require = createRequire(import.meta.url);
const govukDist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');
const publicDir = path.join(import.meta.dirname, 'public');
cpSync(path.join(govukDist, 'assets'), path.join(publicDir, 'assets'), { recursive: true });
for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.css.map']) {
  cpSync(path.join(govukDist, file), path.join(publicDir, 'govuk', file));
}

const securityHeaders = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  {
    key: 'Content-Security-Policy',
    value: [
      "default-src 'self'",
      // Next.js hydrates with inline scripts; a nonce-based policy replaces this when the proxy issues nonces.
      "script-src 'self' 'unsafe-inline'" + (process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''),
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() for a signed-in user of the wrong role.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'postgres'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
