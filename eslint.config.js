import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

const config = [
  { ignores: ['.next/**', '.data/**', 'public/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.stryker-tmp/**', 'reports/**'] },
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without a where clause would touch every child in England.
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration from `env` (lib/env.js), which validates it.',
        },
        {
          selector: "CallExpression[callee.property.name='unsafe']",
          message: 'Raw SQL text belongs only where docs/decisions/028 says it is needed: use drizzle or its sql template.',
        },
      ],
    },
  },
  {
    // Raw SQL text where decision 028 records the measured need: the loader's set-based statements over temporary
    // tables, the search's named prepared statements, the job queue's adapter and the seed's index rebuild.
    files: ['lib/loads/**', 'lib/search/prepared-query.ts', 'db/job-queue-sql.ts', 'db/seed/bulk-load.ts', 'bench/**', 'testing/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration from `env` (lib/env.js), which validates it.',
        },
      ],
    },
  },
  {
    // The validated configuration itself, and the tooling that runs before it exists, read process.env.
    files: ['lib/env.js', 'next.config.js', 'playwright.config.ts', 'testing/**', 'e2e/**', 'db/demo.js', '**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
];

export default config;
