import 'server-only';
import type postgres from 'postgres';

export type RejectUnknownCodesOptions = { tx: postgres.TransactionSql; loadId: string };

/**
 * The checks a row cannot make alone, made in one pass over the staged rows: codes the index does not know, a
 * sensitive service (recorded only by its own practitioners, with consent, never by a load) and a person id the
 * file has already given. Each goes to the reject report and its row is left out of matching.
 */
export async function rejectUnknownCodes({ tx, loadId }: RejectUnknownCodesOptions): Promise<void> {
  await tx`
    with staged as (select * from source_load_rows where load_id = ${loadId}),
    bad as (
      select row_number, 'school_urn' as field, 'No school, nursery or college has this URN' as reason from staged r
      where r.school_urn is not null
        and not exists (select 1 from organisations o where o.code = r.school_urn and o.kind in ('school', 'nursery', 'college'))
      union all
      select row_number, 'gp_practice_code', 'No GP practice has this code' from staged r
      where r.gp_practice_code is not null and not exists (select 1 from organisations o where o.code = r.gp_practice_code and o.kind = 'gp_practice')
      union all
      select row_number, 'service_code', 'The index knows no service with this code' from staged r
      where r.service_code is not null and not exists (select 1 from service_types s where s.code = r.service_code)
      union all
      select row_number, 'service_code', 'A sensitive service is recorded by its own practitioners with consent, never by a load' from staged r
      where exists (select 1 from service_types s where s.code = r.service_code and s.is_sensitive)
      union all
      select row_number, 'source_person_id', 'The same person id is on row ' || first_row || ' of this file' from (
        select row_number, min(row_number) over (partition by source_person_id) as first_row from staged) d
      where row_number <> first_row
    ),
    kept as (insert into source_load_rejects (load_id, row_number, field, reason) select ${loadId}, row_number, field, reason from bad returning row_number)
    update source_load_rows set outcome = 'rejected' where load_id = ${loadId} and row_number in (select row_number from kept)`;
}
