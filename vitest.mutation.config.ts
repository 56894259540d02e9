import { defineConfig } from 'vitest/config';
import base from './vitest.config';
import { TRUST_CRITICAL } from './stryker.config.mjs';

const modules = TRUST_CRITICAL as Record<string, string[]>;
// One module's run (`MUTATION_MODULE=lib/auth/require-staff.ts … --mutate lib/auth/require-staff.ts`) needs only that
// module's tests: the guards' first test run would otherwise run the whole group's database tests each time.
// eslint-disable-next-line no-restricted-syntax -- a tool's own configuration, read before the app's settings exist
const only = process.env.MUTATION_MODULE;
if (only && !(only in modules)) throw new Error(`MUTATION_MODULE ${only} is not in the group's modules (stryker.config.mjs)`);

/** The unit suite narrowed to the tests of the trust-critical modules, for `npm run test:mutation`. */
export default defineConfig({ ...base, test: { ...base.test, include: only ? modules[only]! : [...new Set(Object.values(modules).flat())] } });
