// What an attacker or a broken client sends, for property tests (fast-check) of every place input comes in: forms,
// the JSON API, uploaded files. No server-only imports: vitest and Playwright both use it.
import fc from 'fast-check';

/** Text that has broken services before: SQL and its quoting, templates, paths, markup, numbers, odd Unicode. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "'; DROP TABLE children; --",
  "Robert'); DROP TABLE children;--",
  '" OR ""="',
  "' UNION SELECT id, index_number, given_names FROM children --",
  "1' AND (SELECT pg_sleep(0)) IS NULL --",
  "%' AND family_name LIKE '%",
  "\\'; SELECT 1; --",
  "O'Brien",
  '$1',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '-0',
  '',
  ' ',
  '\t\r\n',
  '\u0000',
  'Smith\u0000',
  '\u001b[31m',
  '\u202eevil',
  '\ufeff',
  '\ud800',
  'a\udc00b',
  '😀👨‍👩‍👧',
  'Zoë Ångström-Æsir',
  'ß'.repeat(60),
  'x'.repeat(101),
  'x'.repeat(5_000),
];

/** Any single UTF-16 code unit, halves of surrogate pairs included (fast-check's own units never produce those). */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** The characters that break things most often: NUL, escape, half surrogates, quotes, backslash, direction marks. */
const troublesomeCharacter = fc.constantFrom('\u0000', '\u001b', '\u007f', '\ud800', '\udfff', "'", '"', '\\', ';', '%', '\u202e', 'a', ' ');

/** A string a hostile client could send: known troublemakers, any code units, any code points, SQL-ish mixtures. */
export function hostileString({ maxLength = 200 }: { maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: troublesomeCharacter, minLength: 1, maxLength: 12 }) },
    fc.string({ unit: anyCodeUnit, maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 20 })).map((parts) => parts.join('')),
  );
}

/** Any JSON value, with hostile strings among the ordinary ones. */
export function hostileJsonValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: hostileString() },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}) },
  );
}

/**
 * A JSON object shaped like `valid`: some of its fields kept, others replaced by hostile values, and perhaps keys
 * nobody asked for. Close enough to valid to get past the first check, so the code behind it is exercised too.
 */
export function hostileObjectLike(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(valid).map(([name, value]) => [name, fc.oneof(fc.constant(value), hostileJsonValue())]));
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(hostileString({ maxLength: 20 }), hostileJsonValue(), { maxKeys: 2 }))
    .map(([shaped, extra]) => ({ ...extra, ...shaped }));
}

/** A request body as raw text: JSON of any shape, JSON cut short, or not JSON at all. */
export function hostileJsonText(valid: Record<string, unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    hostileObjectLike(valid).map((body) => JSON.stringify(body)),
    hostileJsonValue().map((body) => JSON.stringify(body) ?? 'undefined'),
    fc.tuple(hostileObjectLike(valid), fc.nat()).map(([body, cut]) => {
      const text = JSON.stringify(body);
      return text.slice(0, cut % (text.length + 1));
    }),
    hostileString(),
    fc.constantFrom('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', '{"reason":', '{"__proto__":{"reason":"other"}}'),
  );
}

/**
 * A form's fields as a browser (or anyone) could post them: each of `names` missing, valid or hostile, and perhaps
 * fields the form does not have. FormData values arrive as strings.
 */
export function hostileFormFields(valid: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const fields = Object.fromEntries(Object.entries(valid).map(([name, value]) => [name, fc.oneof(fc.constant(value), hostileString({ maxLength: 3_000 }))]));
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 12 }), hostileString({ maxLength: 50 }), { maxKeys: 2 }))
    .map(([shaped, extra]) => ({ ...extra, ...(shaped as Record<string, string>) }));
}

/** A CSV cell as a file could hold it: hostile text, spreadsheet formulas, and quoting that is right or wrong. */
export function hostileCsvCell(valid: string): fc.Arbitrary<string> {
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(valid) },
    hostileString({ maxLength: 80 }).map(quoted),
    fc.constantFrom('=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '"unclosed', 'a"b', '"line\nbreak"', '"a,b"', ''),
  );
}

/**
 * A CSV file shaped like one with `header` and `validRow`: each cell kept or spoiled, rows short or long, line
 * endings mixed, perhaps a byte order mark. For the CSV loader's property tests.
 */
export function hostileCsvText(header: string[], validRow: string[]): fc.Arbitrary<string> {
  const row = fc
    .tuple(fc.tuple(...validRow.map(hostileCsvCell)), fc.integer({ min: -2, max: 2 }))
    .map(([cells, change]) => (change < 0 ? cells.slice(0, change) : [...cells, ...Array<string>(change).fill('extra')]).join(','));
  return fc
    .tuple(fc.boolean(), fc.array(row, { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([bom, rows, newline]) => `${bom ? '\ufeff' : ''}${[header.join(','), ...rows].join(newline)}`);
}

// A stack frame, a source location, or the database's own words: what must never reach a user.
const LEAKS = /\n\s+at |\bat [\w.<>]+ \(|node_modules|\.(ts|tsx|js):\d+|PostgresError|syntax error at|violates .* constraint|relation "|invalid input syntax|TypeError|ReferenceError/;

/** Whether text shows something of the code or the database (a stack trace, a file, an SQL error). */
export function leaksInternals(text: string): boolean {
  return LEAKS.test(text);
}

// zod's default messages, which say what the code expected rather than what the person should do.
const ZOD_DEFAULT = /^(Invalid input|Invalid option|Invalid string|Invalid (ISO )?date|Invalid UUID|Too (small|big)|Unrecognized key|Expected )/;

/** Whether a message is one written for people: a sentence of its own, not zod's default and not internals. */
export function isPlainEnglishMessage(message: unknown): boolean {
  return typeof message === 'string' && message.trim().length > 0 && message.length <= 200 && !ZOD_DEFAULT.test(message) && !leaksInternals(message);
}

/** How many runs a property gets: enough to find the usual troublemakers, few enough for a slow shared machine. */
export const FUZZ_RUNS = { quick: 100, database: 40, http: 60 } as const;
