// Mutation testing of the trust-critical rules (issue 26): `npm run test:mutation`. Slow (each change to the code
// re-runs the tests that cover it), so not part of `npm test`; docs/testing.md says when it runs and what it scored.
// One module: `npm run test:mutation -- --mutate lib/records/visible-record.ts`.

/**
 * Each trust-critical module, with the tests that hold its rules (vitest.mutation.config.ts runs only these). Pure
 * rules first: their tests take milliseconds, so every mutant is tried in seconds. The guards and citizen access are
 * tested against the database, a few seconds per mutant: `npm run test:mutation -- --mutate <file>` runs one.
 */
export const TRUST_CRITICAL = {
  'lib/records/visible-record.ts': ['lib/records/visible-record.test.ts'],
  'lib/records/is-index-team-for.ts': ['lib/records/visible-record.test.ts'],
  'lib/sensitive-services/sensitive-services-seen-by.ts': ['lib/records/visible-record.test.ts'],
  'lib/citizen-access/age.ts': ['lib/citizen-access/age.test.ts'],
  'lib/auth/vetting.ts': ['lib/auth/vetting.test.ts'],
  'lib/auth/require-staff.ts': ['lib/auth/require-staff.test.ts'],
  'lib/citizen-access/find-citizen-access.ts': ['lib/citizen-access/find-citizen-access.test.ts'],
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: Object.keys(TRUST_CRITICAL),
  coverageAnalysis: 'perTest',
  // Two cores, and each vitest run has its own workers.
  concurrency: 1,
  timeoutMS: 60_000,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
