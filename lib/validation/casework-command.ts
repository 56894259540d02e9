import { z } from 'zod';
import { plainString } from './plain-text';
import { recordVersion } from './record-id';
import { foldDateParts } from './date-parts';
import { CHANGE_SCHEMAS, type ChangeKey, changeKeyOf, type CorrectionChange } from './correction-change';

const words = (missing: string, max: number) => plainString(missing).min(1, missing).max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);
const version = recordVersion('The page is out of date: open the request again');

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
/** Decisions the caseworker checks before they are made: approving changes a record, refusing tells the requester no. */
export const CHECKED_COMMANDS: readonly CommandName[] = ['apply', 'refuse'];

/**
 * Reads one casework form. `apply` is checked with the change schema of the request's item; the rest have their
 * own small schemas. Returns the parsed fields or zod's error.
 */
export function parseCaseworkForm(command: CommandName, fields: Record<string, string>, item: { itemKind: string; field: string }) {
  if (command !== 'apply') return SIMPLE[command].safeParse(fields);
  const key = changeKeyOf(item.itemKind, item.field);
  if (!key) return z.never('This item cannot be changed here').safeParse(undefined);
  return parseChangeForm(key, fields, z.object({ expectedVersion: version }));
}

const editExtras = z.object({ expectedVersion: version, reason: words('Enter why you are changing the record', 1000) });
export type TRecordEdit = { change: CorrectionChange; expectedVersion: number; reason: string };

/** Reads the form a caseworker uses to change one item of a record directly: the item's fields and the reason. */
export function parseRecordEditForm(key: ChangeKey, fields: Record<string, string>) {
  return parseChangeForm(key, fields, editExtras);
}

type FormParse<T> = (fields: Record<string, string>) => { success: true; data: T } | { success: false; error: z.ZodError };

/**
 * A form read by one of the parsers above, as one zod schema of the form's fields, for react-hook-form's resolver in
 * the browser: the same checks and messages as the server's. A question left unanswered is read as blank.
 */
function formSchema<T>(parse: FormParse<T>) {
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const parsed = parse(Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, value == null ? '' : String(value)])));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  });
}

/** parseCaseworkForm as a schema; `key` is the request's item, `<item kind>:<field>`. */
export const caseworkFormSchema = (command: CommandName, key: ChangeKey | null) => {
  const [itemKind = '', field = ''] = key?.split(':') ?? [];
  return formSchema<unknown>((fields) => parseCaseworkForm(command, fields, { itemKind, field }));
};

/** parseRecordEditForm as a schema. */
export const recordEditFormSchema = (key: ChangeKey) => formSchema((fields) => parseRecordEditForm(key, fields));

/** The item's fields checked by its change schema, beside the form's other fields; errors name the form's fields. */
function parseChangeForm<Extras extends z.ZodObject>(key: ChangeKey, fields: Record<string, string>, extras: Extras) {
  const folded = foldDateParts(fields, 'dateOfBirth');
  const extraNames = Object.keys(extras.shape);
  const changeFields = Object.fromEntries(Object.entries(folded).filter(([name]) => !extraNames.includes(name)));
  const parsed = extras.extend({ change: CHANGE_SCHEMAS[key] }).safeParse({ ...folded, change: changeFields });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => (issue.path[0] === 'change' ? { ...issue, path: issue.path.slice(1) } : issue));
    return { success: false as const, error: new z.ZodError(issues) };
  }
  const { change, ...rest } = parsed.data as z.output<Extras> & { change: CorrectionChange['value'] };
  return { success: true as const, data: { ...rest, change: { key, value: change } as CorrectionChange } };
}
