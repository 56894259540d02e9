import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { viewAuditEvent } from '@/lib/audit/view-audit-event';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDate, formatDateTime } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { parseEventId } from '@/lib/records/record-path';
import { isRealIsoDay } from '@/lib/validation/iso-day';
import { SummaryRow } from '../../../../_components/record/summary-row';
import { RecordsInvolved, WhoActed } from '../../audit-events-table';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Audit event' };

type Props = { params: Promise<{ eventId: string }> };

const QUERY_LABELS: Record<string, string> = {
  indexNumber: 'Index number',
  familyName: 'Family name',
  givenName: 'Given name',
  dateOfBirth: 'Date of birth',
  postcode: 'Postcode',
  gender: 'Gender',
};

const shown = (value: unknown) => (typeof value === 'object' ? JSON.stringify(value) : typeof value === 'string' && isRealIsoDay(value) ? formatDate(value) : String(value));

/** One event in full, with what was typed (a search's names and dates of birth): seen one at a time, and audited. */
export default async function AuditEventPage({ params }: Props) {
  const viewer = await requireStaff('administrator', 'caseworker');
  const { eventId } = await params;
  const id = parseEventId(eventId);
  if (id === null) notFound();
  const event = await viewAuditEvent({ db: await getDb(), viewer, eventId: id, clientAddress: clientAddress(await headers()) });
  if (!event) return refuseAsNotFound('No audit event they may read with this id');
  const typed = Object.entries(event.query ?? {}).filter(([, value]) => value !== null && value !== undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href="/staff/audit">
          Back to the audit trail
        </Link>
        <span className="govuk-caption-l">Event {event.id}</span>
        <h1 className="govuk-heading-l">{event.actionLabel}</h1>
        <dl className="govuk-summary-list">
          <SummaryRow label="When">{formatDateTime(event.occurredAt)}</SummaryRow>
          <SummaryRow label="Who">
            <WhoActed event={event} />
          </SummaryRow>
          <SummaryRow label="Action">
            {event.actionLabel} <span className="govuk-hint govuk-!-display-inline">({event.action})</span>
          </SummaryRow>
          <SummaryRow label="Reason given">{event.reason ?? 'None given'}</SummaryRow>
          <SummaryRow label="Records involved">
            <RecordsInvolved event={event} />
          </SummaryRow>
          <SummaryRow label="Outcome">{event.outcome}</SummaryRow>
          <SummaryRow label="Network address">{event.clientAddress ?? 'Not recorded'}</SummaryRow>
        </dl>
        <h2 className="govuk-heading-m">What was asked or changed</h2>
        {event.childLinkWithheld ? (
          <p className="govuk-body">Withheld: it would show which child a sensitive service works with. The index team can see it.</p>
        ) : typed.length === 0 ? (
          <p className="govuk-body">Nothing more was recorded.</p>
        ) : (
          <>
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                This may include names and dates of birth a searcher typed. Do not copy them out of the index.
              </strong>
            </div>
            <dl className="govuk-summary-list">
              {typed.map(([key, value]) => (
                <SummaryRow key={key} label={QUERY_LABELS[key] ?? key}>
                  <span className="govuk-!-font-family-monospace">{shown(value)}</span>
                </SummaryRow>
              ))}
            </dl>
          </>
        )}
      </div>
    </div>
  );
}
