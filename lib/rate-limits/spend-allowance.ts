import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';

/** A burst that may be spent at once, refilled at a steady rate. */
export type Allowance = { burst: number; perMinute: number };

export type SpendAllowanceOptions = { db: DbOrTx; key: string; allowance: Allowance; now: Date };

export type AllowanceDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Spends one request of `key`'s allowance, or refuses it (the generic cell rate algorithm). The decision is one
 * statement on one row: concurrent requests, from any app process, queue on the row's lock and each sees the
 * arrival time the last one left, so a burst sent in parallel gets no more than a burst sent one by one.
 */
export async function spendAllowance({ db, key, allowance, now }: SpendAllowanceOptions): Promise<AllowanceDecision> {
  const intervalMs = 60_000 / allowance.perMinute;
  const toleranceMs = intervalMs * allowance.burst;
  const at = now.toISOString();
  const interval = sql`make_interval(secs => ${intervalMs / 1000})`;
  const spent = await db.execute(sql`
    insert into rate_limits as r (key, theoretical_arrival_at)
    values (${key}, ${at}::timestamptz + ${interval})
    on conflict (key) do update set theoretical_arrival_at = greatest(r.theoretical_arrival_at, ${at}::timestamptz) + ${interval}
    where greatest(r.theoretical_arrival_at, ${at}::timestamptz) + ${interval} <= ${at}::timestamptz + make_interval(secs => ${toleranceMs / 1000})
    returning key`);
  if (spent.length > 0) return { allowed: true };
  // Refused: the allowance has room again once the arrival time is back within the tolerance.
  const [row] = await db.execute<{ waitMs: number }>(sql`
    select extract(epoch from theoretical_arrival_at - ${at}::timestamptz) * 1000 - ${toleranceMs - intervalMs} as "waitMs"
    from rate_limits where key = ${key}`);
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(row?.waitMs ?? intervalMs) / 1000)) };
}
