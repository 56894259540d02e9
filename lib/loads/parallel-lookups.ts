import type postgres from 'postgres';

const SETTINGS: [string, string][] = [
  ['enable_mergejoin', 'off'],
  ['enable_hashjoin', 'off'],
  ['parallel_setup_cost', '10'],
  ['parallel_tuple_cost', '0.001'],
];

/**
 * Runs `statement`, a join of some hundred thousand rows with the index of a table of millions, as a lookup by key
 * for each row, shared among parallel workers (the other core is otherwise idle while matching). Merge and hash
 * joins are off for it: left to itself, the planner took the rows for fewer than they are and read the whole index
 * or table (every child, or all 21 million carer links, at 12 M). Parallel workers read only tables: the statement
 * must not read a temporary table or a CTE.
 */
export async function inParallelLookups<T>(tx: postgres.TransactionSql, statement: () => Promise<T>): Promise<T> {
  const set = (values: [string, string][]) =>
    tx`select set_config(s.name, s.value, true) from unnest(${values.map(([n]) => n)}::text[], ${values.map(([, v]) => v)}::text[]) as s(name, value)`;
  // Put back what the transaction had, not the session's defaults: a caller may have set one of these itself.
  const before = await tx<{ name: string; value: string }[]>`
    select name, current_setting(name) as value from unnest(${SETTINGS.map(([n]) => n)}::text[]) as name`;
  await set(SETTINGS);
  const result = await statement();
  await set(before.map(({ name, value }) => [name, value]));
  return result;
}
