/**
 * A failed database call as it may be logged. Next.js logs whatever a page or server action throws, and the errors of
 * drizzle and postgres.js quote what was sent: drizzle's "Failed query: … params: …" message and its `query` and
 * `params`, postgres.js's `query`, `parameters` and `args`, and PostgreSQL's own message and detail ("invalid input
 * syntax for type date: "…"", "Key (email)=(…) already exists"). A practitioner's search puts names and dates of
 * birth there. This error keeps what tells the failures apart and nothing typed: the kind of each error in the chain,
 * the SQLSTATE (or postgres.js's and Node's code for a lost connection) and the schema object PostgreSQL names.
 */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  /** The SQLSTATE ('23505', '57P01'), or postgres.js's or Node's code ('CONNECTION_CLOSED', 'ECONNRESET'). */
  readonly code: string | undefined;
  readonly severity: string | undefined;
  readonly constraint_name: string | undefined;
  readonly table_name: string | undefined;
  readonly column_name: string | undefined;
  readonly routine: string | undefined;
  /** The words of a RAISE in the schema's own functions (see RAISED_BY_THE_SCHEMA). */
  readonly refusal: string | undefined;

  constructor(source: Error, cause?: DatabaseError) {
    const fields = source as Partial<Record<'code' | 'severity' | 'constraint_name' | 'table_name' | 'column_name' | 'routine', unknown>>;
    const code = text(fields.code) ?? cause?.code;
    const constraint = text(fields.constraint_name) ?? cause?.constraint_name;
    const refusal = code === RAISED_BY_THE_SCHEMA && source.name === 'PostgresError' ? source.message : cause?.refusal;
    const kind = isDrizzleWrapper(source) ? 'DrizzleQueryError' : source.name;
    super(`${kind} ${code ?? 'without a code'}${constraint ? ` (${constraint})` : ''}${refusal ? `: ${refusal}` : ''}`, cause ? { cause } : undefined);
    this.refusal = refusal;
    this.code = code;
    this.severity = text(fields.severity) ?? cause?.severity;
    this.constraint_name = constraint;
    this.table_name = text(fields.table_name) ?? cause?.table_name;
    this.column_name = text(fields.column_name) ?? cause?.column_name;
    this.routine = text(fields.routine) ?? cause?.routine;
    // Where it was thrown, without the original first line (the message that quoted the values).
    const frames = (source.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
    this.stack = [`${this.name}: ${this.message}`, ...frames].join('\n');
  }
}

/**
 * A RAISE EXCEPTION in the schema's own functions (the audit trail's triggers): its words are the migrations', which
 * interpolate only ids, operations and table names (db/database-error.test.ts checks each RAISE), so it is kept.
 */
const RAISED_BY_THE_SCHEMA = 'P0001';

const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

/** drizzle's wrapper, PostgreSQL's error as postgres.js reads it, or any error postgres.js failed a query with. */
function isFromTheDatabase(error: Error): boolean {
  return (
    isDrizzleWrapper(error) ||
    error.name === 'PostgresError' ||
    Object.hasOwn(error, 'parameters') ||
    CONNECTION_CODES.has(String((error as { code?: unknown }).code))
  );
}

/** `error` as a `DatabaseError` when it came from the database (with its causes, each reduced alike); else as it was. */
export function toDatabaseError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof DatabaseError || !isFromTheDatabase(error)) return error;
  const cause = error.cause instanceof Error ? toDatabaseError(error.cause) : undefined;
  return new DatabaseError(error, cause instanceof DatabaseError ? cause : undefined);
}

function isDrizzleWrapper(error: Error): boolean {
  return error.message.startsWith('Failed query: ');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
