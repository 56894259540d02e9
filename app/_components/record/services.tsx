import type { ReactNode } from 'react';
import { formatDate } from '@/lib/kernel/dates';
import type { HeldIndication, HeldInvolvement, WithheldInvolvement } from '@/lib/records/child-record';
import { IndexTeam } from './index-team';
import { INDICATION_LABELS } from './labels';
import { Lines, SummaryCard, SummaryRow } from './summary-row';

type ShownInvolvement = HeldInvolvement & { withheld: false };

type ServicesProps = {
  involvements: (ShownInvolvement | WithheldInvolvement)[];
  indications: HeldIndication[];
  /** Buttons for an item's title bar (the staff page's "End my involvement"). */
  involvementActions?: (involvement: ShownInvolvement) => ReactNode;
  indicationActions?: (indication: HeldIndication) => ReactNode;
};

function Involvement({ involvement, actions }: { involvement: ShownInvolvement | WithheldInvolvement; actions?: ServicesProps['involvementActions'] }) {
  if (involvement.withheld) {
    return (
      <SummaryCard title="A service whose details are not shown">
        <SummaryRow label="Contact">
          This service’s details are shown only to its own practitioners. To get in touch with it, contact{' '}
          {involvement.brokeredBy ? <IndexTeam team={involvement.brokeredBy} /> : 'the index team'}.
        </SummaryRow>
      </SummaryCard>
    );
  }
  const { organisation } = involvement;
  return (
    <SummaryCard title={involvement.serviceName} actions={actions?.(involvement)}>
      {organisation ? (
        <SummaryRow label="Organisation" provenance={involvement.provenance}>
          {organisation.name}
        </SummaryRow>
      ) : null}
      {involvement.practitionerName ? (
        <SummaryRow label="Practitioner">
          {involvement.practitionerName}
          {involvement.practitionerRole ? `, ${involvement.practitionerRole}` : null}
        </SummaryRow>
      ) : null}
      <SummaryRow label="Contact">
        <Lines lines={[involvement.phone ?? organisation?.phone ?? '', involvement.email ?? organisation?.email ?? ''].filter(Boolean)} />
      </SummaryRow>
      <SummaryRow label="Involved since" provenance={organisation ? undefined : involvement.provenance}>
        {formatDate(involvement.since)}
      </SummaryRow>
    </SummaryCard>
  );
}

/** The services involved, and any early help assessment or lead professional: the heart of "who else works with this child?". */
export function Services({ involvements, indications, involvementActions, indicationActions }: ServicesProps) {
  return (
    <>
      <h2 className="govuk-heading-m">Services involved</h2>
      {involvements.length === 0 ? <p className="govuk-body">No services are recorded as working with this child.</p> : null}
      {involvements.map((involvement) => (
        <Involvement key={involvement.id} involvement={involvement} actions={involvementActions} />
      ))}

      <h2 className="govuk-heading-m">Early help assessment and lead professional</h2>
      <p className="govuk-hint">Whether an early help assessment (the Common Assessment Framework) has been done, or a lead professional agreed, and whom to contact about it. Never what the assessment says.</p>
      {indications.length === 0 ? <p className="govuk-body">None recorded.</p> : null}
      {indications.map((indication) => (
        <SummaryCard key={indication.id} title={INDICATION_LABELS[indication.kind]} actions={indicationActions?.(indication)}>
          <SummaryRow label={indication.kind === 'lead_professional' ? 'Lead professional' : 'Contact'} provenance={indication.provenance}>
            <Lines lines={[indication.contactName ?? '', indication.organisation?.name ?? ''].filter(Boolean)} />
          </SummaryRow>
          <SummaryRow label="Contact details">
            <Lines lines={[indication.contactPhone ?? '', indication.contactEmail ?? ''].filter(Boolean)} />
          </SummaryRow>
          <SummaryRow label={indication.kind === 'lead_professional' ? 'Since' : 'Done on'}>{formatDate(indication.recordedOn)}</SummaryRow>
        </SummaryCard>
      ))}
    </>
  );
}
