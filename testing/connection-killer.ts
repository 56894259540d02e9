import postgres from 'postgres';

/** The application_name every connection of db/index.ts carries: what a fault test terminates. */
const APP_CONNECTIONS = 'childrens-index';

export type ConnectionKiller = {
  /** Terminates every connection the app has open to the database now; returns how many there were. */
  killNow: () => Promise<number>;
  /** Keeps terminating them, at random moments 50–300 ms apart, until `stop`; resolves with the total killed. */
  start: () => void;
  stop: () => Promise<number>;
  close: () => Promise<void>;
};

/**
 * pg_terminate_backend on the app's connections to one database, from a connection of its own (which it spares), as
 * a database failover or an administrator would: queries in flight fail, transactions in progress roll back.
 */
export function connectionKiller(databaseUrl: string): ConnectionKiller {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connection: { application_name: 'fault-injector' } });
  const killNow = async () => {
    const [row] = await sql<{ killed: number }[]>`
      select count(*)::int as killed from (
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and application_name = ${APP_CONNECTIONS} and pid <> pg_backend_pid()
      ) terminated`;
    return row!.killed;
  };
  let running: Promise<number> | undefined;
  let stopping = false;
  return {
    killNow,
    start: () => {
      stopping = false;
      running = (async () => {
        let total = 0;
        while (!stopping) {
          total += await killNow();
          await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));
        }
        return total;
      })();
    },
    stop: async () => {
      stopping = true;
      return (await running) ?? 0;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/** True for what a lost database connection looks like to postgres.js (possibly under drizzle's wrapper). */
export function isLostConnection(error: unknown): boolean {
  let current: unknown = error;
  while (current instanceof Error) {
    const code = (current as { code?: unknown }).code;
    // 57P01 admin_shutdown: "terminating connection due to administrator command".
    // The rest: the socket closed under a query being read (postgres.js) or written (Node's EPIPE, ECONNRESET).
    if (['57P01', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'ECONNRESET', 'EPIPE'].includes(String(code))) return true;
    current = current.cause;
  }
  return false;
}
