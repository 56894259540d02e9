import { formatDate } from '@/lib/kernel/dates';
import type { ShieldedRecordView } from '@/lib/records/child-record';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { OverrideForm } from './override-form';
import { IndexTeam } from '../../../_components/record/index-team';
import { GENDER_LABELS, RELATIONSHIP_LABELS } from '../../../_components/record/labels';
import { SummaryRow } from '../../../_components/record/summary-row';

/** A shielded record as a practitioner sees it: who the child is, the parents' names, and whom to call. */
export function ShieldedRecord({ view, overrideSpent }: { view: ShieldedRecordView; overrideSpent: boolean }) {
  const { child } = view;
  return (
    <>
      <span className="govuk-caption-l">Child’s record</span>
      <h1 className="govuk-heading-l">
        {child.givenNames} {child.familyName}
      </h1>
      <div className="govuk-inset-text">
        This record is shielded. To get in touch with the people working with this child, contact <IndexTeam team={view.indexTeam} />. They will
        put you in touch.
      </div>
      {overrideSpent ? (
        <p className="govuk-body">Your override was for one view of the details, and it has been used. Override again if you still need them.</p>
      ) : null}
      <dl className="govuk-summary-list">
        <SummaryRow label="Name">
          {child.givenNames} {child.familyName}
        </SummaryRow>
        <SummaryRow label="Gender">{GENDER_LABELS[child.gender]}</SummaryRow>
        <SummaryRow label="Date of birth">{formatDate(child.dateOfBirth)}</SummaryRow>
        <SummaryRow label="Index number">{formatIndexNumber(child.indexNumber)}</SummaryRow>
        {view.parents.map((parent, i) => (
          <SummaryRow key={i} label={RELATIONSHIP_LABELS[parent.relationship]}>
            {parent.givenNames} {parent.familyName}
          </SummaryRow>
        ))}
      </dl>
      {view.mayOverride ? <OverrideForm childId={child.id} /> : null}
    </>
  );
}
