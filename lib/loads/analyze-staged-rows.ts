import type postgres from 'postgres';

/**
 * Fresh statistics of source_load_rows for the columns the loader's statements filter and join on. Freshly staged
 * rows have none: the planner then takes a load for one row. The other columns (names, address lines, the carers'
 * JSON) are left out: sampling them cost more than all the rest, and no plan reads their statistics.
 */
export async function analyzeStagedRows(sql: postgres.Sql | postgres.TransactionSql): Promise<void> {
  await sql`
    analyze source_load_rows (load_id, row_number, outcome, child_id, same_child_as_row, source_person_id, applied_at,
      date_of_birth, gender, postcode, postcode_district, given_name_phonetic, family_name_phonetic)`;
}
