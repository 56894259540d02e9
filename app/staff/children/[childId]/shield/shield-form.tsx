'use client';

import { useActionState } from 'react';
import { ZShieldChange } from '@/lib/validation/shield-change';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Textarea } from '../../../../_components/form/textarea';
import { useCheckedForm } from '../../../../_components/form/use-checked-form';
import { shieldChangeAction, type ShieldFormState } from './shield.action';

type Props = { childId: string; change: 'shield' | 'lift'; purpose: string; version: number };

/**
 * The reason for setting or lifting a shield. The version the caseworker is looking at travels with it, so a change
 * made meanwhile is reported, not overwritten.
 */
export function ShieldForm({ childId, change, purpose, version }: Props) {
  const [state, action, pending] = useActionState<ShieldFormState, FormData>(shieldChangeAction.bind(null, childId, change), {});
  const { register, onSubmit, errors } = useCheckedForm(ZShieldChange, action, state.errors, { reason: '', expectedVersion: String(version) });
  const lifting = change === 'lift';
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="purpose" value={purpose} />
        <input type="hidden" {...register('expectedVersion')} />
        <Textarea
          {...register('reason')}
          label={lifting ? 'Why is the shield being lifted?' : 'Why does this record need a shield?'}
          hint="This goes into the record’s history, which only the index team can read."
          error={errors.reason}
          strongLabel
          rows={5}
        />
        <button type="submit" className={`govuk-button${lifting ? '' : ' govuk-button--warning'}`} data-module="govuk-button" disabled={pending}>
          {lifting ? 'Lift the shield' : 'Shield this record'}
        </button>
      </form>
    </>
  );
}
