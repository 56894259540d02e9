import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // Outside Next.js the guard module would throw; tests run server code directly.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'bench/**/*.test.ts', 'evaluation/**/*.test.ts'],
    globalSetup: ['./testing/global-setup.ts'],
    setupFiles: ['./vitest.setup.ts'],
    // Links in email are made on APP_URL alone (lib/http/app-url.ts); the tests' service lives here.
    env: { APP_URL: 'http://localhost:3000' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only queue for them.
    maxWorkers: 2,
  },
});
