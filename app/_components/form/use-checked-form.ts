'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { type FormEvent, startTransition } from 'react';
import { type DefaultValues, type FieldValues, type Resolver, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { foldDateParts } from '@/lib/validation/date-parts';
import type { FieldErrors } from '@/lib/kernel/field-errors';

/**
 * A form checked in the browser with its zod schema before it goes to its server action (which checks it again with
 * the same schema). Without JavaScript the form posts to the action as it is. Errors are the server's, overlaid
 * by the browser's latest. The button pressed goes with the form, as it does without JavaScript; a button whose
 * value is in `unchecked` (such as "Choose something else") posts without the check. A date asked for with GOV.UK's
 * date input (`<name>Day`, `<name>Month`, `<name>Year`) is named in `dates`: its parts are folded into one, as the
 * action folds them (blank when every part is), before the schema sees them, and its error shows under the date's name.
 */
export function useCheckedForm<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  action: (formData: FormData) => void,
  serverErrors: FieldErrors = {},
  defaultValues?: DefaultValues<Input>,
  unchecked: readonly string[] = [],
  dates: readonly string[] = [],
) {
  const checkSchema = zodResolver(schema);
  const resolver: Resolver<Input, unknown, Output> = (values, context, options) => checkSchema(dates.reduce<Record<string, unknown>>((fields, name) => ({ [name]: '', ...foldDateParts(fields, name) }), values) as Input, context, options);
  // The error summary takes the focus when it appears (GOV.UK), as it does after the server's check: not the first field.
  const { register, handleSubmit, formState } = useForm<Input, unknown, Output>({ resolver, defaultValues, shouldFocusError: false });
  const post = (form: HTMLFormElement, submitter: HTMLElement | null) => startTransition(() => action(new FormData(form, submitter)));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter instanceof HTMLButtonElement && unchecked.includes(submitter.value)) {
      event.preventDefault();
      post(form, submitter);
      return;
    }
    return handleSubmit(() => post(form, submitter))(event);
  };
  const errors: FieldErrors = { ...serverErrors, ...Object.fromEntries(Object.entries(formState.errors).map(([field, e]) => [field, e?.message as string | undefined])) };
  return { register, onSubmit, errors };
}
