'use client';

import { useActionState } from 'react';
import { type TCorrectionRequest, type TCorrectionRequestInput, ZCorrectionRequest } from '@/lib/validation/correction-request';
import { ErrorSummary } from '../../../../../_components/form/error-summary';
import { Radios } from '../../../../../_components/form/radios';
import { Textarea } from '../../../../../_components/form/textarea';
import { useCheckedForm } from '../../../../../_components/form/use-checked-form';
import { raiseCorrectionAction, type RaiseCorrectionState } from './raise-correction.action';

type Item = { key: string; label: string; valueAsHeld: string };

/**
 * The request, then "check your answers", each a form posted to the one server action (which checks everything with
 * the same zod schema as the browser), so that both work without JavaScript and no answer goes into the address.
 */
export function CorrectionForm({ linkId, items }: { linkId: string; items: Item[] }) {
  const [state, action, pending] = useActionState<RaiseCorrectionState, FormData>(raiseCorrectionAction, {});
  const checkedItem = state.checked && items.find((i) => i.key === state.checked!.item);
  if (state.checked && checkedItem) return <CheckAnswers linkId={linkId} checked={state.checked} item={checkedItem} state={state} action={action} pending={pending} />;
  // An item the record does not have (a form sent by hand) is asked again.
  const errors = state.checked ? { item: 'Select what is wrong from the list' } : state.errors;
  const values = state.checked ? { ...state.checked, explanation: state.checked.explanation ?? '' } : state.values;
  return <Questions linkId={linkId} items={items} errors={errors} values={values} action={action} pending={pending} />;
}

type QuestionsProps = { linkId: string; items: Item[]; errors?: Record<string, string | undefined>; values?: Record<string, string>; action: (formData: FormData) => void; pending: boolean };

function Questions({ linkId, items, errors: serverErrors, values = {}, action, pending }: QuestionsProps) {
  const { register, onSubmit, errors } = useCheckedForm<TCorrectionRequestInput, TCorrectionRequest>(ZCorrectionRequest, action, serverErrors, values);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Ask for something to be corrected</h1>
      <form action={action} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="linkId" value={linkId} />
        <Radios
          name="item"
          legend="What is wrong?"
          options={items.map((i) => ({ value: i.key, label: `${i.label}: ${i.valueAsHeld}` }))}
          error={errors.item}
          defaultValue={values.item}
          inputProps={register('item')}
        />
        <Textarea {...register('requestedValue')} defaultValue={values.requestedValue} label="What should it be?" hint="For example, the right spelling or the new address" error={errors.requestedValue} />
        <Textarea {...register('explanation')} defaultValue={values.explanation} label="Anything else we should know (optional)" hint="For example, when it changed" error={errors.explanation} />
        <button type="submit" name="step" value="check" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Continue
        </button>
      </form>
    </>
  );
}

type CheckAnswersProps = { linkId: string; checked: TCorrectionRequest; item: Item; state: RaiseCorrectionState; action: (formData: FormData) => void; pending: boolean };

function CheckAnswers({ linkId, checked, item, state, action, pending }: CheckAnswersProps) {
  const rows = [
    ['What is wrong', `${item.label}: ${item.valueAsHeld}`],
    ['What it should be', checked.requestedValue],
    ['Anything else', checked.explanation ?? 'Nothing added'],
  ] as const;
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <h1 className="govuk-heading-l">Check your answers before sending your request</h1>
      <form action={action}>
        <input type="hidden" name="linkId" value={linkId} />
        <input type="hidden" name="item" value={checked.item} />
        <input type="hidden" name="requestedValue" value={checked.requestedValue} />
        <input type="hidden" name="explanation" value={checked.explanation ?? ''} />
        <dl className="govuk-summary-list">
          {rows.map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
              <dd className="govuk-summary-list__actions">
                <button type="submit" name="step" value="change" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" disabled={pending}>
                  Change<span className="govuk-visually-hidden"> {key.toLowerCase()}</span>
                </button>
              </dd>
            </div>
          ))}
        </dl>
        <p className="govuk-body">The index team will tell you what they decide within one calendar month.</p>
        <button type="submit" name="step" value="send" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Send request
        </button>
      </form>
    </>
  );
}
