import type { UseFormRegisterReturn } from 'react-hook-form';
import type { FieldErrors } from '@/lib/kernel/field-errors';
import { DateInput } from './date-input';
import { Select } from './select';
import { TextInput } from './text-input';
import { Textarea } from './textarea';

export type FieldSpec =
  | { kind: 'text' | 'textarea'; name: string; label: string; hint?: string }
  | { kind: 'date'; name: string; label: string }
  | { kind: 'select'; name: string; label: string; options: { value: string; label: string }[] };

/** `register`: react-hook-form's, for a form checked in the browser (use-checked-form.ts). */
type Props = { fields: FieldSpec[]; values: Record<string, string>; errors: FieldErrors; register?: (name: string) => UseFormRegisterReturn };

/** A form's fields from their descriptions, each with its value and its error. */
export function FormFields({ fields, values, errors, register }: Props) {
  return fields.map((field) => {
    switch (field.kind) {
      case 'text':
        return <TextInput key={field.name} name={field.name} label={field.label} hint={field.hint} error={errors[field.name]} defaultValue={values[field.name] ?? ''} inputProps={register?.(field.name)} />;
      case 'textarea':
        return <Textarea key={field.name} name={field.name} label={field.label} hint={field.hint} error={errors[field.name]} defaultValue={values[field.name] ?? ''} {...register?.(field.name)} />;
      case 'date':
        return <DateInput key={field.name} name={field.name} legend={field.label} error={errors[field.name]} values={dateParts(field.name, values)} partProps={register} />;
      case 'select':
        return <Select key={field.name} name={field.name} label={field.label} options={field.options} error={errors[field.name]} defaultValue={values[field.name] ?? ''} selectProps={register?.(field.name)} />;
    }
  });
}

/** A date held as YYYY-MM-DD, as the day, month and year boxes show it (unless the boxes were just sent back). */
function dateParts(name: string, values: Record<string, string>): Record<string, string> {
  if (values[`${name}Day`] !== undefined) return values;
  const [year = '', month = '', day = ''] = (values[name] ?? '').split('-');
  return { ...values, [`${name}Day`]: day ? String(Number(day)) : '', [`${name}Month`]: month ? String(Number(month)) : '', [`${name}Year`]: year };
}
