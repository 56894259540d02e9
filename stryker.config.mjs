// Mutation testing of the trust-critical rules (issue 26): `npm run test:mutation`. Slow (each change to the code
// re-runs the tests that cover it), so not part of `npm test`; docs/testing.md says when it runs and what it scored.
// One module of a group: `npm run test:mutation -- --mutate lib/records/visible-record.ts`.

/**
 * Each trust-critical module, with the tests that hold its rules (vitest.mutation.config.ts runs only these), in two
 * groups: the rules, whose tests take milliseconds, so every mutant is tried in a second or two; and the guards, tested
 * against the database, several seconds a mutant. `MUTATION_GROUP=guards` (or `all`) picks; the rules by default.
 */
const GROUPS = {
  rules: {
    'lib/records/visible-record.ts': ['lib/records/visible-record.test.ts'],
    'lib/records/is-index-team-for.ts': ['lib/records/is-index-team-for.test.ts', 'lib/records/visible-record.test.ts'],
    'lib/sensitive-services/sensitive-services-seen-by.ts': ['lib/sensitive-services/sensitive-services-seen-by.test.ts', 'lib/records/visible-record.test.ts'],
    'lib/citizen-access/age.ts': ['lib/citizen-access/age.test.ts'],
    'lib/auth/vetting.ts': ['lib/auth/vetting.test.ts'],
    'lib/search/confident-match.ts': ['lib/search/confident-match.test.ts'],
    'lib/search/resembles-protected-child.ts': ['lib/search/resembles-protected-child.test.ts'],
    'lib/corrections/request-transitions.ts': ['lib/corrections/request-transitions.test.ts'],
  },
  guards: {
    'lib/auth/require-staff.ts': ['lib/auth/require-staff.test.ts'],
    'lib/citizen-access/find-citizen-access.ts': ['lib/citizen-access/find-citizen-access.test.ts'],
    'lib/auth/require-citizen.ts': ['lib/auth/require-citizen.test.ts'],
    'lib/auth/citizen-sessions.ts': ['lib/auth/require-citizen.test.ts'],
    'lib/auth/staff-sessions.ts': ['lib/auth/require-staff.test.ts', 'lib/auth/sign-in-staff.test.ts'],
    'lib/casework/act-on-request.ts': ['lib/casework/casework.test.ts', 'lib/casework/hostile-casework.test.ts'],
    'lib/records/conflict-of-interest.ts': ['lib/casework/casework.test.ts'],
    'lib/casework/decide-stay-on.ts': ['lib/casework/stay-on.test.ts'],
    'lib/kernel/record-audit-event.ts': ['lib/audit/verify-audit-trail.test.ts', 'lib/audit/append-only.test.ts'],
    'lib/audit/verify-audit-trail.ts': ['lib/audit/verify-audit-trail.test.ts', 'lib/audit/redact-audit-details.test.ts'],
  },
};
// eslint-disable-next-line no-restricted-syntax -- a tool's own configuration, read before the app's settings exist
const group = process.env.MUTATION_GROUP ?? 'rules';
if (group !== 'all' && !(group in GROUPS)) throw new Error(`MUTATION_GROUP must be one of ${[...Object.keys(GROUPS), 'all'].join(', ')}`);
export const TRUST_CRITICAL = group === 'all' ? { ...GROUPS.rules, ...GROUPS.guards } : GROUPS[group];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
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

export default config;
