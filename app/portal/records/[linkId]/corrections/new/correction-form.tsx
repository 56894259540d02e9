'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useActionState, useState } from 'react';
import { useForm } from 'react-hook-form';
import { type TCorrectionRequest, type TCorrectionRequestInput, ZCorrectionRequest } from '@/lib/validation/correction-request';
import { ErrorSummary } from '../../../../../_components/form/error-summary';
import { Radios } from '../../../../../_components/form/radios';
import { Textarea } from '../../../../../_components/form/textarea';
import { raiseCorrectionAction, type RaiseCorrectionState } from './raise-correction.action';

type Item = { key: string; label: string; valueAsHeld: string };

/**
 * Two steps in the browser — the request, then "check your answers" — and one server action at the end, which checks
 * everything again with the same zod schema.
 */
export function CorrectionForm({ linkId, items }: { linkId: string; items: Item[] }) {
  const [checked, setChecked] = useState<TCorrectionRequest | null>(null);
  const [state, send, sending] = useActionState<RaiseCorrectionState, FormData>(raiseCorrectionAction.bind(null, linkId), {});
  const { register, handleSubmit, formState } = useForm<TCorrectionRequestInput, unknown, TCorrectionRequest>({ resolver: zodResolver(ZCorrectionRequest) });
  const errors = Object.fromEntries(Object.entries(formState.errors).map(([field, e]) => [field, e?.message])) as Record<string, string | undefined>;
  const serverErrors = state.errors ?? {};

  if (checked) {
    const item = items.find((i) => i.key === checked.item)!;
    return (
      <>
        <ErrorSummary errors={serverErrors} message={state.message} />
        <h1 className="govuk-heading-l">Check your answers before sending your request</h1>
        <dl className="govuk-summary-list">
          {(
            [
              ['What is wrong', `${item.label}: ${item.valueAsHeld}`],
              ['What it should be', checked.requestedValue],
              ['Anything else', checked.explanation ?? 'Nothing added'],
            ] as const
          ).map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
              <dd className="govuk-summary-list__actions">
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" onClick={() => setChecked(null)}>
                  Change<span className="govuk-visually-hidden"> {key.toLowerCase()}</span>
                </button>
              </dd>
            </div>
          ))}
        </dl>
        <form action={send}>
          <input type="hidden" name="item" value={checked.item} />
          <input type="hidden" name="requestedValue" value={checked.requestedValue} />
          <input type="hidden" name="explanation" value={checked.explanation ?? ''} />
          <p className="govuk-body">The index team will tell you what they decide within one calendar month.</p>
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={sending}>
            Send request
          </button>
        </form>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Ask for something to be corrected</h1>
      <form onSubmit={handleSubmit(setChecked)} noValidate>
        <Radios
          name="item"
          legend="What is wrong?"
          options={items.map((i) => ({ value: i.key, label: `${i.label}: ${i.valueAsHeld}` }))}
          error={errors.item}
          inputProps={register('item')}
        />
        <Textarea {...register('requestedValue')} label="What should it be?" hint="For example, the right spelling or the new address" error={errors.requestedValue} />
        <Textarea {...register('explanation')} label="Anything else we should know (optional)" hint="For example, when it changed" error={errors.explanation} />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Continue
        </button>
      </form>
    </>
  );
}
