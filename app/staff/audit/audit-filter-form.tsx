import { AUDIT_ACTIONS } from '@/lib/kernel/audit-actions';
import type { FieldErrors } from '@/lib/kernel/field-errors';
import { DateInput } from '../../_components/form/date-input';
import { Select } from '../../_components/form/select';
import { TextInput } from '../../_components/form/text-input';

type Params = Record<string, string | undefined>;

/** A date input's day, month and year: as typed, or split from a whole date in the address (a link from a row). */
function dateParts(params: Params, name: string): Record<string, string> {
  const typed = ['Day', 'Month', 'Year'].map((part) => params[`${name}${part}`]);
  if (typed.some((part) => part !== undefined)) return { [`${name}Day`]: typed[0] ?? '', [`${name}Month`]: typed[1] ?? '', [`${name}Year`]: typed[2] ?? '' };
  const [year = '', month = '', day = ''] = params[name]?.split('-') ?? [];
  return { [`${name}Day`]: day ? String(Number(day)) : '', [`${name}Month`]: month ? String(Number(month)) : '', [`${name}Year`]: year };
}

const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** The explorer's filter: a GET form, so a filtered list has an address of its own (identifiers only, no names). */
export function AuditFilterForm({ params, errors, organisations }: { params: Params; errors: FieldErrors; organisations: { id: string; name: string }[] }) {
  return (
    <form method="get" action="/staff/audit" noValidate>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <TextInput
            name="indexNumber"
            label="Child’s index number"
            hint="Who looked at this child: every event about the record, like 7Q2M X9KD 4TR"
            error={errors.indexNumber}
            defaultValue={params.indexNumber}
            className="govuk-input--width-20"
            spellCheck={false}
            autoCapitalize="characters"
          />
          <TextInput
            name="username"
            label="User name of a member of staff"
            hint="What did this user do, like sam.taylor"
            error={errors.username}
            defaultValue={params.username}
            className="govuk-input--width-20"
            spellCheck={false}
            autoCapitalize="none"
          />
          <Select
            name="organisationId"
            label="Organisation"
            anyLabel="Any organisation"
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            defaultValue={params.organisationId}
            error={errors.organisationId}
          />
          <Select name="action" label="Action" anyLabel="Any action" options={ACTION_OPTIONS} defaultValue={params.action} error={errors.action} />
        </div>
        <div className="govuk-grid-column-one-half">
          <DateInput name="from" legend="From" hint="The first day, in UK time, for example 27 3 2026" error={errors.from} values={dateParts(params, 'from')} />
          <DateInput name="to" legend="To" hint="The last day, included" error={errors.to} values={dateParts(params, 'to')} />
        </div>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Show events
        </button>
        <a className="govuk-link" href="/staff/audit">
          Clear the filter
        </a>
      </div>
    </form>
  );
}
