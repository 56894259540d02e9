import type postgres from 'postgres';

type Definition = { table: string; name: string; definition: string };
export type SavedStructure = { foreignKeys: Definition[]; keys: Definition[]; indexes: Definition[] };

/**
 * Loading tens of millions of rows into tables with live indexes and foreign-key triggers is about twenty times
 * slower than loading bare tables and building the indexes afterwards. This saves the definitions (as the
 * database itself prints them), drops them, and puts them back — so the migrations stay the only source of truth.
 */
export async function dropIndexesAndConstraints(sql: postgres.Sql, tables: readonly string[]): Promise<SavedStructure> {
  const constraints = await sql<(Definition & { type: string })[]>`
    select c.conrelid::regclass::text as table, c.conname as name, c.contype as type,
           pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    where c.contype in ('f', 'p', 'u') and c.conrelid::regclass::text in ${sql(tables as string[])}
       or (c.contype = 'f' and c.confrelid::regclass::text in ${sql(tables as string[])})`;
  const indexes = await sql<Definition[]>`
    select i.tablename as table, i.indexname as name, i.indexdef as definition
    from pg_indexes i
    where i.schemaname = 'public' and i.tablename in ${sql(tables as string[])}
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
  const saved: SavedStructure = {
    foreignKeys: constraints.filter((c) => c.type === 'f'),
    keys: constraints.filter((c) => c.type !== 'f'),
    indexes: [...indexes],
  };
  for (const fk of saved.foreignKeys) await sql`alter table ${sql(fk.table)} drop constraint ${sql(fk.name)}`;
  for (const key of saved.keys) await sql`alter table ${sql(key.table)} drop constraint ${sql(key.name)}`;
  for (const index of saved.indexes) await sql`drop index ${sql(index.name)}`;
  return saved;
}

/** Rebuilds what `dropIndexesAndConstraints` removed: keys first, then indexes, then foreign keys. */
export async function restoreIndexesAndConstraints(
  sql: postgres.Sql,
  saved: SavedStructure,
  onStep: (step: string, ms: number) => void = () => {},
): Promise<void> {
  const timed = async (step: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    onStep(step, performance.now() - started);
  };
  // Several builds at once keep both cores busy; PostgreSQL also parallelises each B-tree build.
  const parallel = async (items: Definition[], build: (d: Definition) => Promise<unknown>) => {
    const queue = [...items];
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) await build(item);
    };
    await Promise.all([worker(), worker()]);
  };
  await parallel(saved.keys, (k) =>
    timed(`key ${k.name}`, () => sql.unsafe(`alter table "${k.table}" add constraint "${k.name}" ${k.definition}`)),
  );
  await parallel(saved.indexes, (i) => timed(`index ${i.name}`, () => sql.unsafe(i.definition)));
  await parallel(saved.foreignKeys, (f) =>
    timed(`foreign key ${f.name}`, () => sql.unsafe(`alter table "${f.table}" add constraint "${f.name}" ${f.definition}`)),
  );
}
