import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { citizenSignInTokens, emailOutbox } from '@/db/schema';
import { redactAuditDetails } from '@/lib/audit/redact-audit-details';
import { idArray } from '@/lib/kernel/id-array';

export type PurgeArchivedOptions = { db: DbOrTx; today: string; dryRun: boolean };

/**
 * Removes for good every archived record whose six years are up, with everything that was only about that child:
 * the child's row and all that hangs from it (names, addresses held for them, carers of no other child, services,
 * requests, versions, notices, portal links and codes, the young person's own portal account), and in the audit
 * trail the details that could name them — the record id stays, so that the trail still shows what was done.
 * Returns the ids purged.
 */
export async function purgeArchived({ db, today, dryRun }: PurgeArchivedOptions): Promise<string[]> {
  const due = await db.execute<{ id: string }>(sql`
    select id from children where status = 'archived' and purge_on <= ${today}::date for update`);
  const ids = due.map((r) => r.id);
  if (dryRun || ids.length === 0) return ids;
  const childIds = idArray(ids);

  // What is shared is kept while another child still needs it; the rest goes with the child.
  const carerIds = (await db.execute<{ id: string }>(sql`select distinct carer_id as id from child_carers where child_id = any(${childIds})`)).map((r) => r.id);
  const addressIds = (
    await db.execute<{ id: string }>(sql`
      select address_id as id from child_addresses where child_id = any(${childIds})
      union select address_id from carers where id = any(${idArray(carerIds)}) and address_id is not null`)
  ).map((r) => r.id);
  const ownAccounts = (
    await db.execute<{ id: string }>(sql`
      select distinct a.id from citizen_accounts a join citizen_record_links l on l.citizen_id = a.id
      where l.child_id = any(${childIds})`)
  ).map((r) => r.id);

  await db.execute(sql`delete from source_identities where child_id = any(${childIds})`);
  // An alert stays for the oversight of the member of staff, without the words that may name the child.
  await db.execute(sql`update alerts set reason = 'Removed when the child’s record was purged', child_id = null where child_id = any(${childIds})`);
  // Cascades take the child's names, addresses held, services, requests, versions, notices, links and codes.
  await db.execute(sql`delete from children where id = any(${childIds})`);
  // The trail keeps every event, with the record id; what a searcher typed and the reasons given go.
  for (const id of ids) await redactAuditDetails({ db, childId: id });
  await db.execute(sql`
    delete from carers c where c.id = any(${idArray(carerIds)}) and not exists (select 1 from child_carers cc where cc.carer_id = c.id)`);
  await db.execute(sql`
    delete from addresses a where a.id = any(${idArray(addressIds)})
      and not exists (select 1 from child_addresses ca where ca.address_id = a.id)
      and not exists (select 1 from carers c where c.address_id = a.id)
      and not exists (select 1 from printed_letters p where p.address_id = a.id)`);
  // A portal account left with no record to see was only there for this child.
  const orphaned = (
    await db.execute<{ email: string }>(sql`
      delete from citizen_accounts a where a.id = any(${idArray(ownAccounts)})
        and not exists (select 1 from citizen_record_links l where l.citizen_id = a.id)
      returning a.email`)
  ).map((r) => r.email);
  if (orphaned.length > 0) {
    await db.delete(citizenSignInTokens).where(inArray(citizenSignInTokens.identifier, orphaned));
    await db.delete(emailOutbox).where(inArray(emailOutbox.toAddress, orphaned));
  }
  return ids;
}
