/**
 * A load being matched or applied is held under a session advisory lock (with-load-lock.ts): two keys, this class
 * and the load id's hash. PostgreSQL lets it go when the session ends, so a held lock means a live process is working
 * the load, and a free one on an unfinished load means nobody is (a server killed mid-load).
 */
export const LOAD_LOCK_CLASS = 4269;

/** SQL for the lock's second key, for the load whose id is `idSql` (non-negative, so that it reads the same as pg_locks' oid). */
export const loadLockKeySql = (idSql: string) => `(hashtext((${idSql})::text) & 2147483647)`;

/** SQL that is true while some session of this database holds the lock of the load whose id is `idSql`. */
export const loadIsBeingWorkedSql = (idSql: string) => `exists (
  select 1 from pg_locks k
  where k.locktype = 'advisory' and k.granted and k.classid = ${LOAD_LOCK_CLASS} and k.objsubid = 2
    and k.objid = ${loadLockKeySql(idSql)}::oid
    and k.database = (select oid from pg_database where datname = current_database()))`;
