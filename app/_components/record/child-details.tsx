import { formatDate } from '@/lib/kernel/dates';
import type { HeldChildRecord, Provenance } from '@/lib/records/child-record';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { ADDRESS_STATUS_LABELS, GENDER_LABELS } from './labels';
import { Lines, SummaryRow } from './summary-row';

type OtherName = { kind: 'former' | 'alias'; givenNames: string; familyName: string; usedUntil: string | null; provenance?: Provenance };

/** Former names and other names, a summary row each. */
export function OtherNameRows({ names }: { names: readonly OtherName[] }) {
  return names.map((name, i) => (
    <SummaryRow key={i} label={name.kind === 'former' ? 'Former name' : 'Also known as'} provenance={name.provenance}>
      {name.givenNames} {name.familyName}
      {name.usedUntil ? ` (until ${formatDate(name.usedUntil)})` : null}
    </SummaryRow>
  ));
}

type ChildDetailsProps = {
  record: Pick<HeldChildRecord, 'child' | 'otherNames' | 'address'>;
  /** The section's heading: "Child" to staff; to a young person or parent, in words that speak to them. */
  heading?: string;
  /** Says what the index number is for, to a reader who has never met one. */
  explainIndexNumber?: boolean;
};

/** Who the child is and where they live. */
export function ChildDetails({ record, heading = 'Child', explainIndexNumber = false }: ChildDetailsProps) {
  const { child, otherNames, address } = record;
  return (
    <>
      <h2 className="govuk-heading-m">{heading}</h2>
      <dl className="govuk-summary-list">
        <SummaryRow label="Name" provenance={child.provenance}>
          {child.givenNames} {child.familyName}
        </SummaryRow>
        <OtherNameRows names={otherNames} />
        <SummaryRow label="Gender">{GENDER_LABELS[child.gender]}</SummaryRow>
        <SummaryRow label="Date of birth">{formatDate(child.dateOfBirth)}</SummaryRow>
        {child.dateOfDeath ? <SummaryRow label="Date of death">{formatDate(child.dateOfDeath)}</SummaryRow> : null}
        <SummaryRow label="Index number">
          {formatIndexNumber(child.indexNumber)}
          {explainIndexNumber ? (
            <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">
              Every child on the index has a number of their own, so that two children with the same name and birthday are
              never mixed up. Nothing can be read from the number itself. Give it if you contact the index team.
            </span>
          ) : null}
        </SummaryRow>
        <SummaryRow label={ADDRESS_STATUS_LABELS[child.addressStatus]} provenance={address?.provenance}>
          {address ? <Lines lines={[...address.lines, address.postcode]} /> : child.addressStatus === 'current' || child.addressStatus === 'last_known' ? 'Not recorded' : 'No address held'}
          {address?.livedFrom ? <span className="govuk-!-display-block">Since {formatDate(address.livedFrom)}</span> : null}
        </SummaryRow>
      </dl>
    </>
  );
}
