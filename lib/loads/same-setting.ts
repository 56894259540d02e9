import 'server-only';
import type postgres from 'postgres';

/**
 * Whether a row names the school, nursery or college the held child attends now, or the GP practice it is
 * registered with now (load_scored's g_setting: 1 the same, 0 another, -1 the row names neither). Two different
 * children with the same names and birthday on one school's roll or one practice's list are not met with (a school
 * year holds some tens of children, a practice some tens born in a year), so it corroborates a link after a move as
 * the same carer's phone or email does (CORROBORATED_SQL): a child who moves house often keeps the school. Twins share
 * both, but never a first name, and a sibling-like pair is never linked. Looked up only for the pairs it could
 * decide: at or above the upper threshold and not corroborated already by the address, a middle name or the same
 * carer (some thousands of a file's pairs rather than every link: the lookups cost seconds at 12 M).
 */
export async function markSameSetting(tx: postgres.TransactionSql, loadId: string, upper: number): Promise<void> {
  await tx.unsafe(
    `update load_scored s set g_setting = case
       when exists (select 1 from education_placements ep join organisations o on o.id = ep.organisation_id
                    where ep.child_id = s.child_id and ep.ended_on is null and o.code = r.school_urn)
         or exists (select 1 from gp_registrations g join organisations o on o.id = g.organisation_id
                    where g.child_id = s.child_id and g.ended_on is null and o.code = r.gp_practice_code) then 1 else 0 end
     from source_load_rows r
     where r.load_id = $1 and r.row_number = s.row_number and s.weight >= $2
       and s.g_postcode < 1 and s.g_middle <> 2 and s.g_carer <> 3
       and (r.school_urn is not null or r.gp_practice_code is not null)`,
    [loadId, upper],
  );
}

/** The same for two rows of one file (`r` the later, `c` the earlier): both name the same school or GP practice. */
export const ROWS_SHARE_SETTING_SQL = `(coalesce(r.school_urn = c.school_urn, false) or coalesce(r.gp_practice_code = c.gp_practice_code, false))`;
