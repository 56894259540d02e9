import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { viewStayOnRequest } from '@/lib/casework/view-stay-on-request';
import { formatDate, formatDateTime } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { isRecordId } from '@/lib/records/record-path';
import { STAY_ON_BASIS_LABELS } from '@/lib/validation/stay-on-casework';
import { SummaryRow } from '../../../../_components/record/summary-row';
import { STAY_ON_STATUS_TAGS } from '../../status-tags';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Request to stay on until 25' };

type Props = { params: Promise<{ requestId: string }> };

/** One request to stay on: who, why, the young person's consent, the dates that matter, and the decision to take. */
export default async function StayOnRequestPage({ params }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { requestId } = await params;
  if (!isRecordId(requestId)) notFound();
  const found = await viewStayOnRequest({ db: await getDb(), caseworker, stayOnRequestId: requestId, clientAddress: clientAddress(await headers()) });
  if (!found) return refuseAsNotFound('No stay-on request of their council with this id');
  const { request, child, allowed, blockedBecause } = found;
  const status = STAY_ON_STATUS_TAGS[request.status];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href="/staff/casework/stay-on">
          Back to the requests to stay on
        </Link>
        <span className="govuk-caption-l">Request {request.reference}</span>
        <h1 className="govuk-heading-l">Stay on the index until 25</h1>
        <dl className="govuk-summary-list">
          <SummaryRow label="Status">
            <strong className={`govuk-tag ${status.tag}`}>{status.text}</strong>
          </SummaryRow>
          <SummaryRow label="Young person">
            {child.givenNames} {child.familyName}
            <span className="govuk-hint govuk-!-margin-bottom-0">Index number {formatIndexNumber(child.indexNumber)}</span>
          </SummaryRow>
          <SummaryRow label="Date of birth">
            {formatDate(child.dateOfBirth)} (aged {child.age})
          </SummaryRow>
          <SummaryRow label="Turns 18">{formatDate(found.eighteenthBirthday)}</SummaryRow>
          <SummaryRow label="Would stay on until">{formatDate(found.twentyFifthBirthday)}</SummaryRow>
          <SummaryRow label="Why">{STAY_ON_BASIS_LABELS[request.basis]}</SummaryRow>
          <SummaryRow label="Asked">
            {formatDateTime(request.requestedAt)} by {request.raisedBy ? `${request.raisedBy}, for the young person` : 'the young person, in the portal'}
          </SummaryRow>
          <SummaryRow label="The young person’s consent">{request.consentStatement}</SummaryRow>
          {request.decidedAt ? (
            <SummaryRow label="Decided">
              {formatDateTime(request.decidedAt)} by {request.decidedBy ?? 'the index team'}
            </SummaryRow>
          ) : null}
          {request.withdrawnAt ? <SummaryRow label={request.decisionReason ? 'Ended by the index team' : 'Withdrawn by the young person'}>{formatDateTime(request.withdrawnAt)}</SummaryRow> : null}
          {request.decisionReason ? <SummaryRow label="Reason">{request.decisionReason}</SummaryRow> : null}
        </dl>
        {child.isLive ? null : <div className="govuk-inset-text">This record is no longer on the live index.</div>}
        {blockedBecause ? <div className="govuk-inset-text">{blockedBecause}</div> : null}
        {allowed.size > 0 ? (
          <>
            {allowed.has('approve') ? (
              <p className="govuk-body">Agreeing keeps the record on the index until {formatDate(found.twentyFifthBirthday)}, instead of it leaving at 18. The young person is told by email.</p>
            ) : null}
            {allowed.has('end') ? <p className="govuk-body">Ending the stay-on returns the normal rule: a record of someone 18 or over leaves the index at the next nightly run.</p> : null}
            <div className="govuk-button-group">
              {allowed.has('approve') ? (
                <Link href={`/staff/casework/stay-on/${request.id}/agree`} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
                  Agree to the request
                </Link>
              ) : null}
              {allowed.has('refuse') ? (
                <Link href={`/staff/casework/stay-on/${request.id}/refuse`} role="button" draggable="false" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Refuse the request
                </Link>
              ) : null}
              {allowed.has('end') ? (
                <Link href={`/staff/casework/stay-on/${request.id}/end`} role="button" draggable="false" className="govuk-button govuk-button--warning" data-module="govuk-button">
                  End the stay-on
                </Link>
              ) : null}
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
