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
  for (const [name, value] of SETTINGS) await tx.unsafe(`set local ${name} = ${value}`);
  const result = await statement();
  for (const [name] of SETTINGS) await tx.unsafe(`reset ${name}`);
  return result;
}
