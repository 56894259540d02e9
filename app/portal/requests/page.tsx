import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import type { RequestStatus } from '@/lib/corrections/request-transitions';
import { listOwnRequests } from '@/lib/corrections/list-own-requests';
import { formatDate } from '@/lib/kernel/dates';
import { NotificationBanner } from '../../_components/notification-banner';
import { WithdrawStayOnButton } from './withdraw-stay-on-button';
import { SummaryRow } from '@/app/_components/record/summary-row';

export const metadata: Metadata = { title: 'Your requests' };

const CORRECTION_STATUS: Record<RequestStatus, { text: string; tag: string }> = {
  received: { text: 'Received', tag: 'govuk-tag--blue' },
  in_review: { text: 'In review', tag: 'govuk-tag--light-blue' },
  awaiting_information: { text: 'More information needed', tag: 'govuk-tag--orange' },
  awaiting_approval: { text: 'In review', tag: 'govuk-tag--light-blue' },
  applied: { text: 'Corrected', tag: 'govuk-tag--green' },
  refused: { text: 'Not changed', tag: 'govuk-tag--red' },
  closed: { text: 'Closed', tag: 'govuk-tag--grey' },
};

const STAY_ON_STATUS: Record<string, { text: string; tag: string }> = {
  requested: { text: 'Received', tag: 'govuk-tag--blue' },
  approved: { text: 'Agreed', tag: 'govuk-tag--green' },
  refused: { text: 'Not agreed', tag: 'govuk-tag--red' },
  withdrawn: { text: 'Withdrawn', tag: 'govuk-tag--grey' },
};

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ replied?: string; withdrawn?: string }> }) {
  const citizen = await requireCitizen();
  const { replied, withdrawn } = await searchParams;
  const { corrections, stayOn } = await listOwnRequests({ db: await getDb(), citizen });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href="/portal/records">
          Your records
        </Link>
        {replied ? <NotificationBanner success text="Your reply has been sent to the index team." /> : null}
        {withdrawn ? <NotificationBanner success text="Your request to stay on the index until 25 has been withdrawn." /> : null}
        <h1 className="govuk-heading-l">Your requests</h1>
        {corrections.length === 0 && stayOn.length === 0 ? <p className="govuk-body">You have not made any requests.</p> : null}
        {corrections.map((request) => {
          const status = CORRECTION_STATUS[request.status]!;
          return (
            <div className="govuk-summary-card" key={request.id}>
              <div className="govuk-summary-card__title-wrapper">
                <h2 className="govuk-summary-card__title">Correction {request.reference}</h2>
                <strong className={`govuk-tag ${status.tag}`}>{status.text}</strong>
              </div>
              <div className="govuk-summary-card__content">
                <dl className="govuk-summary-list">
                  <SummaryRow label="What was held">{request.valueAsHeld}</SummaryRow>
                  <SummaryRow label="What you said it should be">{request.requestedValue}</SummaryRow>
                  <SummaryRow label="Received">{formatDate(request.receivedAt)}</SummaryRow>
                  <SummaryRow label={request.decidedAt ? 'Decided' : 'Answer due by'}>{formatDate(request.decidedAt ?? request.dueOn)}</SummaryRow>
                  {(request.status === 'refused' || request.status === 'closed') && request.decisionReason ? (
                    <SummaryRow label={request.status === 'refused' ? 'Why it was not changed' : 'Why it was closed'}>{request.decisionReason}</SummaryRow>
                  ) : null}
                </dl>
                {request.status === 'awaiting_information' ? (
                  <Link className="govuk-button" href={`/portal/requests/${request.id}/reply`}>
                    Reply to the index team
                  </Link>
                ) : null}
              </div>
            </div>
          );
        })}
        {stayOn.map((request) => {
          const status = STAY_ON_STATUS[request.status]!;
          return (
            <div className="govuk-summary-card" key={request.id}>
              <div className="govuk-summary-card__title-wrapper">
                <h2 className="govuk-summary-card__title">Stay on the index until 25: {request.reference}</h2>
                <strong className={`govuk-tag ${status.tag}`}>{status.text}</strong>
              </div>
              <div className="govuk-summary-card__content">
                <p className="govuk-body">Asked on {formatDate(request.requestedAt)}.</p>
                {request.status === 'approved' ? <p className="govuk-body">Your record will stay on the index until you are 25.</p> : null}
                {request.decisionReason ? (
                  <p className="govuk-body">
                    {request.status === 'refused' ? 'Why it was not agreed' : 'Why the index team ended it'}: {request.decisionReason}
                  </p>
                ) : null}
                {request.status === 'requested' || request.status === 'approved' ? <WithdrawStayOnButton stayOnRequestId={request.id} /> : null}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
