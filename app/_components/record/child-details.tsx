import { formatDate } from '@/lib/dates/london';
import type { HeldChildRecord, Provenance } from '@/lib/records/child-record';
import { formatIndexNumber } from '@/lib/records/index-number-codec';
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

/** Who the child is and where they live. */
export function ChildDetails({ record }: { record: Pick<HeldChildRecord, 'child' | 'otherNames' | 'address'> }) {
  const { child, otherNames, address } = record;
  return (
    <>
      <h2 className="govuk-heading-m">Child</h2>
      <dl className="govuk-summary-list">
        <SummaryRow label="Name" provenance={child.provenance}>
          {child.givenNames} {child.familyName}
        </SummaryRow>
        <OtherNameRows names={otherNames} />
        <SummaryRow label="Gender">{GENDER_LABELS[child.gender]}</SummaryRow>
        <SummaryRow label="Date of birth">{formatDate(child.dateOfBirth)}</SummaryRow>
        {child.dateOfDeath ? <SummaryRow label="Date of death">{formatDate(child.dateOfDeath)}</SummaryRow> : null}
        <SummaryRow label="Index number">{formatIndexNumber(child.indexNumber)}</SummaryRow>
        <SummaryRow label={ADDRESS_STATUS_LABELS[child.addressStatus]} provenance={address?.provenance}>
          {address ? <Lines lines={[...address.lines, address.postcode]} /> : child.addressStatus === 'current' || child.addressStatus === 'last_known' ? 'Not recorded' : 'No address held'}
          {address?.livedFrom ? <span className="govuk-!-display-block">Since {formatDate(address.livedFrom)}</span> : null}
        </SummaryRow>
      </dl>
    </>
  );
}
