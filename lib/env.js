// Validated configuration. Imported by next.config.js so that a bad setting stops the app at start.
import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL');

const smtpUrl = z.string().regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL');

const count = (name, fallback) =>
  z.coerce.number({ message: `${name} must be a whole number` }).int(`${name} must be a whole number`).min(1, `${name} must be 1 or more`).default(fallback);
const hour = (name, fallback) =>
  z.coerce.number({ message: `${name} must be an hour, 0 to 23` }).int(`${name} must be an hour, 0 to 23`).min(0).max(23, `${name} must be an hour, 0 to 23`).default(fallback);

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: postgresUrl.optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    SMTP_URL: smtpUrl.optional(),
    MAIL_FROM: z.string().min(3).default('Children’s Index <no-reply@childrens-index.localhost>'),
    /** Where letters (PDF) go to be printed and posted: the print room's mailbox. */
    PRINT_ROOM_EMAIL: z.email('PRINT_ROOM_EMAIL must be an email address').default('print-room@childrens-index.localhost'),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
    APP_URL: z.url('APP_URL must be a full URL such as https://index.example.gov.uk').optional(),
    // When unusual use raises an alert for the index team (lib/oversight/misuse-thresholds.ts).
    MISUSE_VIEWS_PER_HOUR: count('MISUSE_VIEWS_PER_HOUR', 40),
    MISUSE_PEER_MULTIPLE: count('MISUSE_PEER_MULTIPLE', 4),
    MISUSE_NIGHT_BURST: count('MISUSE_NIGHT_BURST', 10),
    MISUSE_NIGHT_FROM_HOUR: hour('MISUSE_NIGHT_FROM_HOUR', 20),
    MISUSE_NIGHT_UNTIL_HOUR: hour('MISUSE_NIGHT_UNTIL_HOUR', 7),
    MISUSE_SEARCHES_WITHOUT_VIEWING: count('MISUSE_SEARCHES_WITHOUT_VIEWING', 20),
    MISUSE_REFUSALS_PER_HOUR: count('MISUSE_REFUSALS_PER_HOUR', 5),
    // How fast searches may come (lib/rate-limits): a burst at once, then a steady rate per minute; per member of
    // staff and per system client's key, shared by every app process through the database.
    SEARCH_BURST_PER_USER: count('SEARCH_BURST_PER_USER', 20),
    SEARCH_PER_MINUTE_PER_USER: count('SEARCH_PER_MINUTE_PER_USER', 6),
    SEARCH_BURST_PER_API_KEY: count('SEARCH_BURST_PER_API_KEY', 60),
    SEARCH_PER_MINUTE_PER_API_KEY: count('SEARCH_PER_MINUTE_PER_API_KEY', 120),
    /**
     * Whether the app applies the migrations when it starts; false where it connects as a member of
     * childrens_index_app, which may not change the schema (the owner runs `npm run db:migrate` instead).
     */
    MIGRATE_ON_START: z
      .enum(['true', 'false'], { message: 'MIGRATE_ON_START must be true or false' })
      .default('true')
      .transform((value) => value === 'true'),
    /** Whether the web server also works the job queue; false when `npm run worker` runs beside it. */
    JOBS_IN_APP: z
      .enum(['true', 'false'], { message: 'JOBS_IN_APP must be true or false' })
      .default('true')
      .transform((value) => value === 'true'),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});
