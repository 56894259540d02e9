import { z } from 'zod';

// The forms' zod schemas also run in the browser (useCheckedForm). Unless told not to, zod compiles each object schema
// with `new Function`, and its probe for that alone is an 'unsafe-eval' violation of the Content-Security-Policy.
// Set before any schema is made: Next.js runs this file before the pages' modules load.
z.config({ jitless: true });
