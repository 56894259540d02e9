/**
 * A drizzle prepared query (`.prepare(name)`) made once per database handle and kept while the handle lives.
 * Unprepared, drizzle builds the SQL text again on every call and PostgreSQL parses and plans it again: on the
 * search API's path (API key, audit event) that was a third of a millisecond of Node time a query.
 */
export function preparedFor<Db extends object, Query>(build: (db: Db) => Query): (db: Db) => Query {
  const prepared = new WeakMap<Db, Query>();
  return (db) => {
    let query = prepared.get(db);
    if (!query) prepared.set(db, (query = build(db)));
    return query;
  };
}
