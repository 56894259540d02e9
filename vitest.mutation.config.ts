import { defineConfig } from 'vitest/config';
import base from './vitest.config';
import { TRUST_CRITICAL } from './stryker.config.mjs';

/** The unit suite narrowed to the tests of the trust-critical modules, for `npm run test:mutation`. */
export default defineConfig({ ...base, test: { ...base.test, include: [...new Set(Object.values(TRUST_CRITICAL as Record<string, string[]>).flat())] } });
