import { z } from 'zod';
import { foldDateParts } from './date-parts';
import { CHANGE_SCHEMAS, changeKeyOf } from './correction-change';

const words = (missing: string, max: number) => z.string(missing).trim().min(1, missing).max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);
const version = z.coerce.number().int().positive();

const SIMPLE = {
  assign: z.object({ toStaffId: z.uuid('Choose a caseworker') }),
  ask_for_information: z.object({ question: words('Enter your question for the requester', 2000) }),
  confirm_edit: z.object({ expectedVersion: version }),
  return_edit: z.object({ note: words('Say why you are sending the edit back', 1000) }),
  refuse: z.object({ reason: words('Enter the reason the record is not changed', 1000) }),
  // Its own field name: the refuse form, with its reason, may be on the same page.
  close: z.object({ closeReason: words('Enter why the request is closed', 1000) }).transform((v) => ({ reason: v.closeReason })),
} as const;

export type CommandName = keyof typeof SIMPLE | 'apply';
export const COMMAND_NAMES: readonly CommandName[] = [...(Object.keys(SIMPLE) as (keyof typeof SIMPLE)[]), 'apply'];

/**
 * Reads one casework form. `apply` is checked with the change schema of the request's item; the rest have their
 * own small schemas. Returns the parsed fields or zod's error.
 */
export function parseCaseworkForm(command: CommandName, fields: Record<string, string>, item: { itemKind: string; field: string }) {
  if (command !== 'apply') return SIMPLE[command].safeParse(fields);
  const key = changeKeyOf(item.itemKind, item.field);
  if (!key) return z.never('This item cannot be changed here').safeParse(undefined);
  const schema = z.object({ expectedVersion: version, change: CHANGE_SCHEMAS[key] });
  const { expectedVersion, ...rest } = foldDateParts(fields, 'dateOfBirth');
  const parsed = schema.safeParse({ expectedVersion, change: rest });
  if (!parsed.success) {
    // Errors name the form's fields, not the nesting.
    const issues = parsed.error.issues.map((issue) => (issue.path[0] === 'change' ? { ...issue, path: issue.path.slice(1) } : issue));
    return { success: false as const, error: new z.ZodError(issues) };
  }
  return { success: true as const, data: { expectedVersion: parsed.data.expectedVersion, change: { key, value: parsed.data.change } } };
}
