import 'server-only';
import type postgres from 'postgres';
import { recordAuditEvent, type AuditEvent } from '@/lib/kernel/record-audit-event';
import { applyLinkedChanges } from './apply-linked-changes';
import { applyNewRecords } from './apply-new-records';
import { applyRowItems } from './apply-row-items';
import { asDrizzle } from './as-drizzle';

export type ApplyLoadRowsOptions = {
  tx: postgres.TransactionSql;
  loadId: string;
  /** The rows to apply: a range of row numbers (a batch) or a list (a caseworker's decision). */
  rows: { from: number; to: number } | { numbers: number[] };
  actor: Pick<AuditEvent, 'actorKind' | 'actorId' | 'organisationId'>;
};

/**
 * Applies decided, not yet applied rows of a load inside the caller's transaction: finds or makes each row's address,
 * makes the new children, changes the linked ones, adds the other items, marks the rows applied and writes one audit
 * event naming every child touched. Because the rows are marked in the same transaction, a load killed midway
 * redoes only what did not commit. Returns the children touched and how many were changed.
 */
export async function applyLoadRows({ tx, loadId, rows, actor }: ApplyLoadRowsOptions): Promise<{ childIds: string[]; changed: number }> {
  const which = 'numbers' in rows ? `r.row_number = any($2::int[])` : `r.row_number between $2 and $3`;
  const params = 'numbers' in rows ? [loadId, rows.numbers] : [loadId, rows.from, rows.to];
  // The carers' jsonb_to_recordset is guessed at 100 rows a row, which made PostgreSQL JIT-compile statements for
  // about a second each, a caseworker's one-row decision included.
  await tx`set local jit = off`;
  // Each row's address is looked up as the table is made: updated afterwards, the table would hold dead rows that
  // made the planner take it for two or three times its size, and read every child's id to join it. The council of
  // the district is wanted only for an address still to be made and for a new record's shield.
  await tx.unsafe(
    `create temp table apply_rows on commit drop as
     select r.*, l.source_system_id, l.as_of::timestamptz as as_of, l.file_name, s.local_authority_code as source_authority,
       found.id as address_id,
       case when r.postcode is not null and (found.id is null or r.shield_from_child_id is not null) then coalesce(
         (select a.local_authority_code from addresses a
          where a.postcode >= r.postcode_district || ' ' and a.postcode < r.postcode_district || '!' and a.local_authority_code is not null limit 1),
         s.local_authority_code) end as address_authority
     from source_load_rows r join source_loads l on l.id = r.load_id join source_systems s on s.id = l.source_system_id
     left join lateral (
       select a.id from addresses a where a.postcode = r.postcode and lower(a.line1) = lower(r.address_line1) order by a.id limit 1) found on true
     where r.load_id = $1 and ${which} and r.applied_at is null and r.child_id is not null
       and r.outcome in ('source_id', 'linked', 'reviewed_link', 'new')`,
    params as never[],
  );
  const [{ n }] = (await tx`select count(*)::int as n from apply_rows`) as unknown as [{ n: number }];
  if (n === 0) return { childIds: [], changed: 0 };
  await tx.unsafe(`
    with made as (
      insert into addresses (line1, line2, town, postcode, local_authority_code)
      select distinct on (postcode, lower(address_line1)) address_line1, address_line2, town, postcode, address_authority
      from apply_rows where postcode is not null and address_id is null
      returning id, postcode, line1)
    update apply_rows r set address_id = m.id from made m
    where r.address_id is null and r.postcode = m.postcode and lower(r.address_line1) = lower(m.line1)`);
  // Only what the statements below filter and join on: the table has every staged column, and sampling them all cost
  // a third of a second a batch.
  await tx`analyze apply_rows (row_number, load_id, child_id, outcome, postcode, address_id, shield_from_child_id)`;
  await applyNewRecords({ tx });
  const changed = await applyLinkedChanges({ tx });
  await applyRowItems({ tx });
  await tx.unsafe(`update source_load_rows s set applied_at = now() from apply_rows r where s.load_id = r.load_id and s.row_number = r.row_number`);
  const childIds = (await tx<{ childId: string }[]>`select distinct child_id as "childId" from apply_rows`).map((r) => r.childId);
  const [file] = await tx<{ name: string }[]>`select file_name as name from source_loads where id = ${loadId}`;
  await recordAuditEvent({
    db: asDrizzle(tx),
    event: { ...actor, action: 'load.apply', reason: `Source load ${file!.name}`, query: { loadId, rows }, childIds },
  });
  return { childIds, changed };
}
