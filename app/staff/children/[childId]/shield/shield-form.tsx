'use client';

import { useActionState } from 'react';
import { formatDate } from '@/lib/kernel/dates';
import type { HouseholdMember } from '@/lib/records/list-household-for-shielding';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { ZShieldChange } from '@/lib/validation/shield-change';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Textarea } from '../../../../_components/form/textarea';
import { useCheckedForm } from '../../../../_components/form/use-checked-form';
import { shieldChangeAction, type ShieldFormState } from './shield.action';
import { bindOnce } from '../../../../_components/form/bind-once';

type Props = { childId: string; change: 'shield' | 'lift'; purpose: string; version: number; household: HouseholdMember[] };

/**
 * The reason for setting or lifting a shield and, when shielding, the answer for each other child at the address
 * (a box left unticked is a recorded decision not to shield them). The version the caseworker is looking at and the
 * children listed travel with it, so a change made meanwhile is reported, not overwritten.
 */
export function ShieldForm({ childId, change, purpose, version, household }: Props) {
  const [state, action, pending] = useActionState<ShieldFormState, FormData>(bindOnce(shieldChangeAction, childId, change), {});
  const { register, onSubmit, errors } = useCheckedForm(ZShieldChange, action, state.errors, { reason: state.values?.reason ?? '', expectedVersion: String(version) });
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
        {!lifting && household.length > 0 ? <HouseholdQuestion household={household} chosen={state.shieldSiblings ?? []} /> : null}
        <button type="submit" className={`govuk-button${lifting ? '' : ' govuk-button--warning'}`} data-module="govuk-button" disabled={pending}>
          {lifting ? 'Lift the shield' : 'Shield this record'}
        </button>
      </form>
    </>
  );
}

/** The other children at the address: tick each one to shield with this child, for the same reason. */
function HouseholdQuestion({ household, chosen }: { household: HouseholdMember[]; chosen: string[] }) {
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby="shieldSiblings-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Shield the other children at this address too?</legend>
        <div id="shieldSiblings-hint" className="govuk-hint">
          Their records show the same address. Tick each child to shield with this one, for the same reason. Your answer for each child is kept in the record’s history.
        </div>
        <div className="govuk-checkboxes" data-module="govuk-checkboxes">
          {household.map((member) => (
            <div className="govuk-checkboxes__item" key={member.id}>
              <input type="hidden" name="siblingsAsked" value={member.id} />
              <input className="govuk-checkboxes__input" id={`shield-${member.id}`} name="shieldSiblings" type="checkbox" value={member.id} defaultChecked={chosen.includes(member.id)} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`shield-${member.id}`}>
                {`${member.givenNames} ${member.familyName}, born ${formatDate(member.dateOfBirth)}, index number ${formatIndexNumber(member.indexNumber)}`}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
