import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { viewStayOnRequest } from '@/lib/casework/view-stay-on-request';
import { formatDate, formatDateTime } from '@/lib/dates/london';
import { clientAddress } from '@/lib/http/client-address';
import { formatIndexNumber } from '@/lib/records/index-number-codec';
import { isRecordId } from '@/lib/records/record-path';
import { STAY_ON_BASIS_LABELS } from '@/lib/validation/stay-on-casework';
import { SummaryRow } from '../../../../_components/record/summary-row';
import { STAY_ON_STATUS_TAGS } from '../../status-tags';
import { ApproveStayOnForm, StayOnReasonForm } from './stay-on-decision-form';
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
        {allowed.has('approve') ? (
          <>
            <p className="govuk-body">Agreeing keeps the record on the index until {formatDate(found.twentyFifthBirthday)}, instead of it leaving at 18. The young person is told by email.</p>
            <ApproveStayOnForm stayOnRequestId={request.id} />
          </>
        ) : null}
        {allowed.has('refuse') ? <StayOnReasonForm stayOnRequestId={request.id} kind="refuse" /> : null}
        {allowed.has('end') ? (
          <>
            <p className="govuk-body">Ending the stay-on returns the normal rule: a record of someone 18 or over leaves the index at the next nightly run.</p>
            <StayOnReasonForm stayOnRequestId={request.id} kind="end" />
          </>
        ) : null}
      </div>
    </div>
  );
}
