import postgres from 'postgres';

/**
 * libpq's way of naming a Unix socket in a URL, `?host=/var/run/postgresql`, which postgres.js does not read itself:
 * so that an app on the database's own machine can be configured to skip TCP.
 */
function splitSocketDirectory(url: string): { address: string; socketDirectory: string | null } {
  const parsed = new URL(url);
  const host = parsed.searchParams.get('host');
  if (!host?.startsWith('/')) return { address: url, socketDirectory: null };
  parsed.searchParams.delete('host');
  return { address: parsed.toString(), socketDirectory: host };
}

/** The one place a postgres.js client is made (db/index.ts wraps it in drizzle; db/migrate.ts holds a lock with it). */
export function openPostgres(url: string, options: postgres.Options<Record<string, postgres.PostgresType>> = {}) {
  const { address, socketDirectory } = splitSocketDirectory(url);
  return postgres(address, { ...options, ...(socketDirectory ? { host: socketDirectory } : {}) });
}
