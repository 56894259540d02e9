// Validated configuration. Imported by next.config.js so that a bad setting stops the app at start.
import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL');

const smtpUrl = z.string().regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL');

const count = (name, fallback) =>
  z.coerce.number({ message: `${name} must be a whole number` }).int(`${name} must be a whole number`).min(1, `${name} must be 1 or more`).default(fallback);
const hops = (name) =>
  z.coerce.number({ message: `${name} must be a whole number, 0 to 10` }).int(`${name} must be a whole number, 0 to 10`).min(0, `${name} must be a whole number, 0 to 10`).max(10, `${name} must be a whole number, 0 to 10`).default(0);
const hour = (name, fallback) =>
  z.coerce.number({ message: `${name} must be an hour, 0 to 23` }).int(`${name} must be an hour, 0 to 23`).min(0).max(23, `${name} must be an hour, 0 to 23`).default(fallback);

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /**
     * The demonstration on one machine (`npm run demo`): mail is kept in files and shown at the loopback-only demo
     * mailbox, and the seed adds the demo accounts. Never implied by a missing setting.
     */
    DEMO_MODE: z
      .enum(['true', 'false'], { message: 'DEMO_MODE must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
    DATABASE_URL: postgresUrl.optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    /** The port server.js listens on. */
    PORT: z.coerce.number({ message: 'PORT must be a port number' }).int('PORT must be a port number').min(1, 'PORT must be a port number').max(65_535, 'PORT must be a port number').default(3000),
    SMTP_URL: smtpUrl.optional(),
    MAIL_FROM: z.string().min(3).default('Children’s Index <no-reply@childrens-index.localhost>'),
    /** Where letters (PDF) go to be printed and posted: the print room's mailbox. */
    PRINT_ROOM_EMAIL: z.email('PRINT_ROOM_EMAIL must be an email address').default('print-room@childrens-index.localhost'),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
    APP_URL: z
      .url('APP_URL must be a full URL such as https://index.example.gov.uk')
      .refine((url) => /^https?:$/.test(new URL(url).protocol) && new URL(url).pathname === '/', 'APP_URL must be the service’s http(s) address without a path, such as https://index.example.gov.uk')
      .optional(),
    /**
     * How many proxies of our own (load balancer, reverse proxy) stand between clients and the app, each appending to
     * X-Forwarded-For: the client's address is that many entries left of the socket's. 0: the socket's own address.
     */
    TRUSTED_PROXY_HOPS: hops('TRUSTED_PROXY_HOPS'),
    /**
     * The Ed25519 private key (PEM) that signs the audit trail's chain heads for the anchor log: kept where the
     * database's administrators cannot read it. Required outside demo mode (lib/audit/anchor-key.js).
     */
    AUDIT_ANCHOR_KEY_FILE: z.string().min(1).optional(),
    /** The append-only anchor log, one signed JSON line per anchoring; by default audit-anchors.jsonl in DATA_DIR. */
    AUDIT_ANCHOR_LOG: z.string().min(1).optional(),
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
    /** The largest load file the API or the upload page takes, in MiB: a larger one is refused (413) and nothing is kept. */
    LOAD_UPLOAD_MAX_MB: count('LOAD_UPLOAD_MAX_MB', 200),
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

// next-auth takes the service's own address only from AUTH_URL; without it, the links it emails and its redirects
// follow the request's Host and X-Forwarded-Host, which any client can set. APP_URL is the one source of both.
delete process.env.NEXTAUTH_URL;
if (env.APP_URL) process.env.AUTH_URL = new URL(env.APP_URL).origin;
else delete process.env.AUTH_URL;

/** What a service (the web app, the job worker) cannot run without outside demo mode, and why. */
const SERVICE_SETTINGS = {
  SMTP_URL: 'the mail server that sends sign-in links, codes and letters, e.g. smtp://user:pass@mail.example.org:587',
  AUTH_SECRET: 'the secret (at least 32 characters) that signs sign-in sessions',
  APP_URL: 'the public address of the service, used in every link it sends, e.g. https://index.example.gov.uk',
  AUDIT_ANCHOR_KEY_FILE: "the Ed25519 private key (PEM) that signs the audit trail's anchors, kept where the database's administrators cannot read it",
};

/**
 * Stops a service from starting without its mail server, signing secret, public address or anchor key. Only DEMO_MODE=true
 * stands in for them; their absence never turns a demo feature on.
 * @param {Partial<Record<keyof typeof SERVICE_SETTINGS | 'DEMO_MODE', unknown>>} [settings]
 */
export function requireServiceSettings(settings = env) {
  if (settings.DEMO_MODE) return;
  const missing = Object.entries(SERVICE_SETTINGS).filter(([name]) => !settings[/** @type {keyof typeof SERVICE_SETTINGS} */ (name)]);
  if (missing.length === 0) return;
  throw new Error(
    [
      'The service cannot start: required settings are missing.',
      ...missing.map(([name, meaning]) => `  ${name} is not set: ${meaning}.`),
      'Set them, or set DEMO_MODE=true for a demonstration on this machine (npm run demo does).',
    ].join('\n'),
  );
}
