'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition } from 'react';
import { type DefaultValues, type FieldValues, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { FieldErrors } from '@/lib/validation/staff-sign-in';

/**
 * A form checked in the browser with its zod schema before it goes to its server action (which checks it again with
 * the same schema). Without JavaScript the form posts to the action as it is. Errors are the server's, overlaid
 * by the browser's latest.
 */
export function useCheckedForm<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  action: (formData: FormData) => void,
  serverErrors: FieldErrors = {},
  defaultValues?: DefaultValues<Input>,
) {
  const { register, handleSubmit, formState } = useForm<Input, unknown, Output>({ resolver: zodResolver(schema), defaultValues });
  const onSubmit = handleSubmit((_values, event) => {
    const form = event?.target as HTMLFormElement;
    startTransition(() => action(new FormData(form)));
  });
  const errors: FieldErrors = { ...serverErrors, ...Object.fromEntries(Object.entries(formState.errors).map(([field, e]) => [field, e?.message as string | undefined])) };
  return { register, onSubmit, errors };
}
