/** A cell a spreadsheet would run as a formula (or, after a tab or carriage return, might) starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A leading apostrophe makes Excel, LibreOffice and Google Sheets show the text rather than evaluate it.
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV (RFC 4180: CRLF line ends, a field with a comma, quote or line break in double quotes, a quote
 * doubled), safe to open in a spreadsheet: no cell can start a formula, whatever a user typed into the trail.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
