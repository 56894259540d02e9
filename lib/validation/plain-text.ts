import { z } from 'zod';

// Control characters other than tab and line breaks: PostgreSQL refuses NUL in text (and \u0000 in JSON), and the
// others only hide or garble what a person reads. Half a surrogate pair is not a character at all (a form can send
// one): PostgreSQL refuses it in JSON, and the audit trail keeps what was typed as JSON.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// The schemas run in the browser too, so this rather than String.prototype.isWellFormed.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const PLAIN_TEXT_MESSAGE = 'Use only letters, numbers, spaces and punctuation';

/** Whether text is something a person could have typed: well-formed Unicode without control characters. */
export function isPlainText(value: string): boolean {
  return !CONTROL_CHARACTER.test(value) && !LONE_SURROGATE.test(value);
}

/**
 * A string field: `missing` when absent or not text, then trimmed and checked for plain text. The start of every
 * text field's schema, so that no field lets a NUL or a lone surrogate through to the database.
 */
export const plainString = (missing?: string, invalid: string = PLAIN_TEXT_MESSAGE) => z.string(missing).refine(isPlainText, invalid).trim();
