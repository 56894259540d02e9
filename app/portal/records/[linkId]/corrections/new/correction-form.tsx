'use client';

import { useActionState } from 'react';
import { isAddressItem, type TCorrectionRequest, type TCorrectionRequestInput, ZCorrectionItem, ZCorrectionRequest } from '@/lib/validation/correction-request';
import { ErrorSummary } from '../../../../../_components/form/error-summary';
import { Radios } from '../../../../../_components/form/radios';
import { TextInput } from '../../../../../_components/form/text-input';
import { Textarea } from '../../../../../_components/form/textarea';
import { useCheckedForm } from '../../../../../_components/form/use-checked-form';
import { raiseCorrectionAction, type RaiseCorrectionState } from './raise-correction.action';
import { CarriedAnswers } from '@/app/_components/form/carried-answers';
import { SummaryRow } from '@/app/_components/record/summary-row';

type Item = { key: string; label: string; valueAsHeld: string };
type Action = (formData: FormData) => void;

/**
 * What is wrong, what it should be, then "check your answers": each a form posted to the one server action (which
 * checks everything with the same zod schemas as the browser), so that all work without JavaScript and no answer
 * goes into the address.
 */
export function CorrectionForm({ linkId, items }: { linkId: string; items: Item[] }) {
  const [state, action, pending] = useActionState<RaiseCorrectionState, FormData>(raiseCorrectionAction, {});
  const checkedItem = state.checked && items.find((i) => i.key === state.checked!.item);
  if (state.checked && checkedItem) return <CheckAnswers linkId={linkId} checked={state.checked} item={checkedItem} state={state} action={action} pending={pending} />;
  const values = state.checked ? answersOf(state.checked) : (state.values ?? {});
  const chosen = items.find((i) => i.key === values.item);
  if (state.stage === 'value' && chosen) return <ValueQuestion linkId={linkId} item={chosen} errors={state.errors} values={values} action={action} pending={pending} />;
  // An item the record does not have (a form sent by hand) is asked again.
  const errors = (state.checked || state.stage === 'value') && !chosen ? { item: 'Select what is wrong from the list' } : state.errors;
  return <ItemQuestion linkId={linkId} items={items} errors={errors} values={values} action={action} pending={pending} />;
}

/** The answers as the form's fields, to carry from step to step. */
function answersOf(checked: TCorrectionRequest): Record<string, string> {
  const address = checked.address;
  return {
    item: checked.item,
    requestedValue: address ? '' : checked.requestedValue,
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    town: address?.town ?? '',
    postcode: address?.postcode ?? '',
    explanation: checked.explanation ?? '',
  };
}

type QuestionProps = { linkId: string; errors?: Record<string, string | undefined>; values: Record<string, string>; action: Action; pending: boolean };

function ItemQuestion({ linkId, items, errors: serverErrors, values, action, pending }: QuestionProps & { items: Item[] }) {
  const { register, onSubmit, errors } = useCheckedForm<{ item: string }, { item: string }>(ZCorrectionItem, action, serverErrors, { item: values.item });
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Ask for something to be corrected</h1>
      <form action={action} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="linkId" value={linkId} />
        <CarriedAnswers values={values} except={['item']} />
        <Radios
          name="item"
          legend="What is wrong?"
          options={items.map((i) => ({ value: i.key, label: `${i.label}: ${i.valueAsHeld}` }))}
          error={errors.item}
          defaultValue={values.item}
          inputProps={register('item')}
        />
        <button type="submit" name="step" value="choose" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Continue
        </button>
      </form>
    </>
  );
}

function ValueQuestion({ linkId, item, errors: serverErrors, values, action, pending }: QuestionProps & { item: Item }) {
  const { register, onSubmit, errors } = useCheckedForm<TCorrectionRequestInput, TCorrectionRequest>(ZCorrectionRequest, action, serverErrors, values, ['change_item']);
  const address = isAddressItem(item.key);
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">Ask for something to be corrected</span>
      <h1 className="govuk-heading-l">{address ? 'What is the right address?' : 'Tell us what is right'}</h1>
      <p className="govuk-body">The record has:</p>
      <div className="govuk-inset-text">
        {item.label}: <strong>{item.valueAsHeld}</strong>
      </div>
      <form action={action} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="linkId" value={linkId} />
        <input type="hidden" name="item" value={item.key} />
        {address ? (
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">The address</legend>
            <TextInput name="line1" label="Address line 1" autoComplete="address-line1" defaultValue={values.line1} error={errors.line1} inputProps={register('line1')} />
            <TextInput name="line2" label="Address line 2 (optional)" autoComplete="address-line2" defaultValue={values.line2} error={errors.line2} inputProps={register('line2')} />
            <TextInput name="town" label="Town or city" autoComplete="address-level2" defaultValue={values.town} error={errors.town} className="govuk-!-width-two-thirds" inputProps={register('town')} />
            <TextInput name="postcode" label="Postcode" autoComplete="postal-code" defaultValue={values.postcode} error={errors.postcode} className="govuk-input--width-10" inputProps={register('postcode')} />
          </fieldset>
        ) : (
          <Textarea {...register('requestedValue')} defaultValue={values.requestedValue} label="What should it be?" hint="For example, the right spelling" error={errors.requestedValue} />
        )}
        <Textarea {...register('explanation')} defaultValue={values.explanation} label="Anything else we should know (optional)" hint="For example, when it changed" error={errors.explanation} />
        <div className="govuk-button-group">
          <button type="submit" name="step" value="check" className="govuk-button" data-module="govuk-button" disabled={pending}>
            Continue
          </button>
          <button type="submit" name="step" value="change_item" formNoValidate className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={pending}>
            Choose something else
          </button>
        </div>
      </form>
    </>
  );
}

type CheckAnswersProps = { linkId: string; checked: TCorrectionRequest; item: Item; state: RaiseCorrectionState; action: Action; pending: boolean };

function CheckAnswers({ linkId, checked, item, state, action, pending }: CheckAnswersProps) {
  const rows = [
    ['What is wrong', `${item.label}: ${item.valueAsHeld}`, 'change_item'],
    ['What it should be', checked.requestedValue, 'change'],
    ['Anything else', checked.explanation ?? 'Nothing added', 'change'],
  ] as const;
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <h1 className="govuk-heading-l">Check your answers before sending your request</h1>
      <form action={action}>
        <input type="hidden" name="linkId" value={linkId} />
        <CarriedAnswers values={answersOf(checked)} except={[]} />
        <dl className="govuk-summary-list">
          {rows.map(([key, value, step]) => (
            <SummaryRow
              key={key}
              label={key}
              actions={
                <button type="submit" name="step" value={step} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" disabled={pending}>
                  Change<span className="govuk-visually-hidden"> {key.toLowerCase()}</span>
                </button>
              }
            >
              {value}
            </SummaryRow>
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
