import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

const CHILD = '$child';
const RESPONSIBLE_AUTHORITY = `coalesce(
    (select s.responsible_local_authority_code from shields s where s.child_id = ${CHILD} and s.lifted_at is null),
    (select a.local_authority_code from child_addresses ca join addresses a on a.id = ca.address_id
     where ca.child_id = ${CHILD} and ca.lived_until is null order by ca.lived_from desc nulls last limit 1))`;

/**
 * The code of the council whose index team answers for a child, as an SQL expression over a child id (a column or a
 * value), so that a list can be scoped to a council in one query: the council holding the child's shield, else the
 * council of the child's current address, else null. An archived record keeps its addresses, so this still names the
 * council of its last address.
 */
export function responsibleAuthorityCode(childId: AnyColumn | SQL): SQL<string | null> {
  return sql.join(RESPONSIBLE_AUTHORITY.split(CHILD).map((part) => sql.raw(part)), sql`${childId}`) as SQL<string | null>;
}

/** The same expression as SQL text, for the set-based statements of source loads; `childId` is a column reference. */
export function responsibleAuthorityCodeSql(childId: string): string {
  return RESPONSIBLE_AUTHORITY.split(CHILD).join(childId);
}
