// The layers of lib/, checked by `npm run lint:layers` (part of `npm test`). From the bottom:
//   lib/kernel   actors, the error type, the audit writer, record versions, job enqueueing, index numbers, form
//                errors, dates: imports nothing else in lib/ (db/ and packages only).
//   shared       lib/validation, lib/http, lib/email, lib/names, lib/reference: used by every capability; they import
//                the kernel (and email the request helpers) and nothing above.
//   capabilities every other folder; one may import another only where the allow-list below says so, and why.
//   entry points app/, the job worker (lib/jobs) and the CLI (lib/cli): import anything, imported by nothing in lib/.
// No cycles between lib/ folders; lib/ never reaches into seeding, benchmarks, test helpers or pages.
// Tests (*.test.ts) are left out: a test drives its capability through whatever collaborators it needs.

const SHARED = 'validation|http|email|names|reference';

/** A capability's allowed neighbours: `{ from: 'casework', to: ['records', …], comment }`. */
const capability = ({ from, to, comment }) => ({
  comment,
  from: { path: `^lib/${from}/` },
  to: { path: `^lib/(${to.join('|')})/` },
});

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: 'no-folder-cycles-in-lib',
      comment: 'Two lib/ folders that need each other are one capability, or share a piece that belongs lower down.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^lib/' },
      to: { path: '^lib/', circular: true },
    },
    {
      name: 'no-module-cycles',
      comment:
        'A cycle between modules makes their load order matter. A type may refer back; so may drizzle tables, whose foreign keys are read lazily (references(() => …)).',
      severity: 'error',
      from: { path: '^(lib|app|db|bench|testing)/', pathNot: '^db/schema/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'kernel-stands-alone',
      comment: 'The kernel is what every capability builds on; if it imported one of them, the layers would fold.',
      severity: 'error',
      from: { path: '^lib/kernel/' },
      to: { path: '^lib/', pathNot: '^lib/kernel/' },
    },
    {
      name: 'shared-below-capabilities',
      comment: 'Form schemas, request helpers, the email queue, names and reference data serve every capability, so they cannot depend on one.',
      severity: 'error',
      from: { path: `^lib/(${SHARED})/` },
      to: { path: '^lib/', pathNot: [`^lib/(${SHARED}|kernel)/`, '^lib/env[.]js$'] },
    },
    {
      name: 'entry-points-are-not-imported',
      comment: 'The job worker and the CLI start capabilities; a capability that imported them would start itself.',
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/(jobs|cli)/' },
      to: { path: '^lib/(jobs|cli)/' },
    },
    {
      name: 'lib-not-seed',
      comment: 'Seeding writes synthetic data for demonstrations and benchmarks; the domain never depends on it (reference data lives in lib/reference).',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^db/seed/' },
    },
    {
      name: 'lib-not-bench',
      comment: 'Benchmarks measure the domain from outside (bench/); nothing in lib/ runs them.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^bench/' },
    },
    {
      name: 'lib-not-testing',
      comment: 'Test helpers and fixtures (testing/) are for tests only.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^testing/' },
    },
    {
      name: 'lib-not-app',
      comment: 'Pages and routes call the domain, never the other way round.',
      severity: 'error',
      from: { path: '^(lib|db)/' },
      to: { path: '^app/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is either a typo or a path the check cannot see.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],

  // Every dependency of a lib/ module must match one of these; anything else is an error.
  allowedSeverity: 'error',
  allowed: [
    { comment: 'Outside lib/ (app/, db/, bench/, testing/…) the forbidden rules above are the whole check.', from: { pathNot: '^lib/' }, to: {} },
    { comment: 'Packages, node built-ins and db/ (the one client and the schema).', from: { path: '^lib/' }, to: { pathNot: '^lib/' } },
    { comment: 'Within a folder.', from: { path: '^lib/([^/]+)/' }, to: { path: '^lib/$1/' } },
    { comment: 'Everything above the kernel uses it and the validated configuration.', from: { path: '^lib/', pathNot: '^lib/kernel/' }, to: { path: ['^lib/kernel/', '^lib/env[.]js$'] } },
    { comment: 'Capabilities and entry points use the shared folders.', from: { path: '^lib/', pathNot: `^lib/(kernel|${SHARED})/` }, to: { path: `^lib/(${SHARED})/` } },
    { comment: 'The development mailbox is read from loopback only, so email reads the client address.', from: { path: '^lib/email/' }, to: { path: '^lib/http/' } },
    { comment: 'The job worker and the CLI are entry points: they start any capability.', from: { path: '^lib/(jobs|cli)/' }, to: { path: '^lib/' } },

    // The allow-list between capabilities.
    capability({ from: 'alerts', to: ['records'], comment: 'Reviewing an alert about a shielded child applies the shielding refusal of records.' }),
    capability({ from: 'audit', to: ['auth', 'sensitive-services'], comment: 'The explorer names staff roles as auth does, and hides sensitive services from readers who may not see them.' }),
    capability({ from: 'auth', to: ['records'], comment: 'Signing in (or enrolling a token) returns staff and citizens to the record path they asked for.' }),
    capability({
      from: 'casework',
      to: ['api-clients', 'citizen-access', 'corrections', 'records', 'retention'],
      comment: 'Casework decides correction requests (corrections) and stay-on requests (by age: citizen-access; the archive date: retention), changes records, and answers correction notices to system clients (api-clients).',
    }),
    capability({ from: 'corrections', to: ['citizen-access', 'portal', 'records'], comment: 'A citizen with access (citizen-access) raises a correction to the record as the portal shows it (portal, records).' }),
    capability({ from: 'identity', to: ['auth', 'citizen-access', 'search'], comment: 'An identity statement is matched to a child as search scores names and dates; its codes are hashed as auth hashes secrets.' }),
    capability({ from: 'involvements', to: ['records'], comment: 'Involvements and indications are record changes of a live child.' }),
    capability({ from: 'loads', to: ['records', 'search'], comment: 'A load matches rows to records, and holds rows that resemble a protected child (search).' }),
    capability({ from: 'organisation-services', to: ['staff-admin'], comment: 'Who may manage an organisation’s services is who manages its staff.' }),
    capability({ from: 'oversight', to: ['auth'], comment: 'Suspending a searcher ends their sessions.' }),
    capability({ from: 'portal', to: ['audit', 'citizen-access', 'records', 'sensitive-services'], comment: 'A citizen sees the record they have access to, who looked at it (audit), and no sensitive service.' }),
    capability({ from: 'records', to: ['sensitive-services'], comment: 'A record shows only the sensitive services its viewer may see.' }),
    capability({ from: 'retention', to: ['audit', 'records'], comment: 'Archiving reads record versions; purging redacts the audit trail’s copies of the purged details.' }),
    capability({ from: 'search', to: ['oversight', 'rate-limits', 'records'], comment: 'Searching spends an allowance (rate-limits), is watched for misuse (oversight), and follows merged records.' }),
    capability({ from: 'staff-admin', to: ['auth'], comment: 'Activating an account applies the password and PIN policies and hashes secrets as sign-in checks them.' }),
  ],

  options: {
    // The seed generator is a tool above lib/ (it writes accounts as lib/ does): cruised, but its own imports not
    // followed, so that db/ as a whole does not look like it sits both below and above lib/.
    doNotFollow: { path: ['node_modules', '^db/seed/'] },
    exclude: { path: ['[.]test[.]tsx?$', '^[.]next/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

export default config;
