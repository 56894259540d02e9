'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../../_components/form/error-summary';
import { type FieldSpec, FormFields } from '../../../../../_components/form/form-fields';
import { editItemAction, type EditItemFormState } from './edit-item.action';
import { bindOnce } from '../../../../../_components/form/bind-once';
import { useCheckedForm } from '../../../../../_components/form/use-checked-form';
import type { ChangeKey } from '@/lib/validation/correction-change';
import { recordEditFormSchema, type TRecordEdit } from '@/lib/validation/casework-command';

type Props = { childId: string; slug: string; changeKey: ChangeKey; fields: FieldSpec[]; current: Record<string, string>; version: number };

const REASON: FieldSpec = {
  kind: 'textarea',
  name: 'reason',
  label: 'Why are you changing it?',
  hint: 'Kept with the new version of the record, for the index team and for audit. Say where the right value came from.',
};

/** The item's fields, filled in as held now, and the reason for the change. */
export function EditItemForm({ childId, slug, changeKey, fields, current, version }: Props) {
  const [state, action, pending] = useActionState<EditItemFormState, FormData>(bindOnce(editItemAction, childId, slug), {});
  const { register, onSubmit, errors } = useCheckedForm<Record<string, unknown>, TRecordEdit>(recordEditFormSchema(changeKey), action, state.errors, { expectedVersion: String(version) });
  return (
    <form action={action} onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} message={state.message} />
      <input type="hidden" {...register('expectedVersion')} />
      <FormFields fields={[...fields, REASON]} values={state.values ?? current} errors={errors} register={register} />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
        Save the change
      </button>
    </form>
  );
}
