import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';
import { requireStaff } from '@/lib/auth/require-staff';
import { viewStayOnRequest } from '@/lib/casework/view-stay-on-request';
import { formatDate } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { isRecordId } from '@/lib/records/record-path';
import { choiceOf } from '@/lib/validation/query-choice';
import { STAY_ON_BASIS_LABELS } from '@/lib/validation/stay-on-casework';
import { SummaryRow } from '../../../../../_components/record/summary-row';
import { ApproveStayOnForm, StayOnReasonForm } from '../stay-on-decision-form';

export const metadata: Metadata = { title: 'Decide a request to stay on until 25' };

/** One decision on a request to stay on, alone on its page, by the last part of its address. */
const DECISIONS = { agree: 'approve', refuse: 'refuse', end: 'end' } as const;

type Props = { params: Promise<{ requestId: string; decision: string }> };

/**
 * Agreeing is checked first (what is agreed, on whose consent, until when); refusing a request and ending a stay-on
 * each ask for the reason. A decision the request cannot take now goes back to the request.
 */
export default async function StayOnDecisionPage({ params }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { requestId, decision: slug } = await params;
  const kind = choiceOf(DECISIONS, slug);
  if (!isRecordId(requestId) || !kind) notFound();
  const found = await viewStayOnRequest({ db: await getDb(), caseworker, stayOnRequestId: requestId, clientAddress: clientAddress(await headers()) });
  if (!found) return refuseAsNotFound('No stay-on request of their council with this id');
  const back = `/staff/casework/stay-on/${requestId}`;
  if (!found.allowed.has(kind)) redirect(back);
  const { request, child } = found;
  const caption = `Request ${request.reference}`;
  const who = (
    <SummaryRow label="Young person">
      {child.givenNames} {child.familyName}
      <span className="govuk-hint govuk-!-margin-bottom-0">Index number {formatIndexNumber(child.indexNumber)}</span>
    </SummaryRow>
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={back}>
          Back to the request
        </Link>
        {kind === 'approve' ? (
          <ApproveStayOnForm stayOnRequestId={request.id} caption={caption} title="Check before you agree to the request">
            <dl className="govuk-summary-list">
              {who}
              <SummaryRow label="Why">{STAY_ON_BASIS_LABELS[request.basis]}</SummaryRow>
              <SummaryRow label="The young person’s consent">{request.consentStatement}</SummaryRow>
              <SummaryRow label="Turns 18">{formatDate(found.eighteenthBirthday)}</SummaryRow>
              <SummaryRow label="Would stay on until">{formatDate(found.twentyFifthBirthday)}</SummaryRow>
            </dl>
            <p className="govuk-body">
              The record will stay on the index until {formatDate(found.twentyFifthBirthday)}, instead of leaving at 18. The young person is told by email. The
              stay-on can be ended later, with a reason.
            </p>
          </ApproveStayOnForm>
        ) : (
          <StayOnReasonForm stayOnRequestId={request.id} kind={kind} caption={caption}>
            <dl className="govuk-summary-list">{who}</dl>
            {kind === 'end' ? <p className="govuk-body">Ending the stay-on returns the normal rule: a record of someone 18 or over leaves the index at the next nightly run.</p> : null}
          </StayOnReasonForm>
        )}
      </div>
    </div>
  );
}
