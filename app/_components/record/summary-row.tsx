import type { ReactNode } from 'react';
import { formatDate } from '@/lib/kernel/dates';
import type { Provenance } from '@/lib/records/child-record';

/** Where an item came from and when it was last confirmed, under the item. */
export function ProvenanceNote({ provenance }: { provenance: Provenance }) {
  return (
    <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">
      From {provenance.source}, last confirmed {formatDate(provenance.lastConfirmedAt)}
    </span>
  );
}

type SummaryRowProps = { label: ReactNode; children: ReactNode; provenance?: Provenance; actions?: ReactNode };

/** One row of a GOV.UK summary list, with the item's source when it has one and its actions (such as "Change"). */
export function SummaryRow({ label, children, provenance, actions }: SummaryRowProps) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">
        {children}
        {provenance ? <ProvenanceNote provenance={provenance} /> : null}
      </dd>
      {actions ? <dd className="govuk-summary-list__actions">{actions}</dd> : null}
    </div>
  );
}

/** Address or contact lines, one per line. */
export function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <span key={i} className="govuk-!-display-block">
          {line}
        </span>
      ))}
    </>
  );
}

/** A GOV.UK summary card: a titled box of rows, with actions in its title bar. */
export function SummaryCard({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{title}</h3>
        {actions ? <div className="govuk-summary-card__actions">{actions}</div> : null}
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">{children}</dl>
      </div>
    </div>
  );
}
