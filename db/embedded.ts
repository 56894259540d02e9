// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) served over a loopback socket, so that
// the rest of the code talks to it through postgres.js exactly as it talks to a real PostgreSQL server.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

/** 'memory' keeps nothing on disk (tests); anything else is a directory that holds the data between runs. */
export type EmbeddedLocation = { dataDir: string } | 'memory';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// PGlite must only ever be opened by one process: a second opener would corrupt the files.
function takeLock(lockFile: string): void {
  try {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The embedded database in ${path.dirname(lockFile)} is in use by process ${holder}. ` +
          'Stop that process first, or set DATABASE_URL to use a PostgreSQL server.',
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(lockFile, String(process.pid));
}

export async function startEmbeddedServer(location: EmbeddedLocation): Promise<EmbeddedServer> {
  const extensions = { pg_trgm, fuzzystrmatch };
  let lockFile: string | undefined;
  let db: PGlite;
  if (location === 'memory') {
    db = await PGlite.create({ extensions });
  } else {
    mkdirSync(location.dataDir, { recursive: true });
    lockFile = path.join(location.dataDir, 'pglite.lock');
    takeLock(lockFile);
    db = await PGlite.create({ dataDir: path.join(location.dataDir, 'pgdata'), extensions });
  }
  // One client connection: PGlite has a single session, and interleaving two clients' extended-protocol
  // messages would mix their statements.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    stop: async () => {
      await server.stop();
      await db.close();
      if (lockFile) rmSync(lockFile, { force: true });
    },
  };
}
