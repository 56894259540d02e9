import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { viewRequest } from '@/lib/casework/view-request';
import { formatDate } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { isRecordId } from '@/lib/records/record-path';
import { NotificationBanner } from '../../../_components/notification-banner';
import { STATUS_TAGS } from '../status-tags';
import { describeValue, itemLabel } from '../../../_components/form/change-fields';
import { VersionHistory } from '../../../_components/record/version-history';
import { offeredDecisions } from './decisions';
import { choiceOf } from '@/lib/validation/query-choice';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';
import { whenRefused } from '@/app/_components/refusals';
import { SummaryRow } from '@/app/_components/record/summary-row';

export const metadata: Metadata = { title: 'Correction request' };

/** A request the rules keep from this caseworker: why, and whom to call. */
function RequestRefused({ message }: { message: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You cannot open this request</h1>
        <p className="govuk-body">{message}</p>
        <p className="govuk-body">
          <Link className="govuk-link" href="/staff/casework">
            Back to your council’s correction requests
          </Link>
        </p>
      </div>
    </div>
  );
}

const DONE: Record<string, string> = {
  applied: 'The record has been corrected and the requester told.',
  awaiting_approval: 'Your edited change is waiting for another caseworker to approve it.',
  confirm_edit: 'The edited change is approved: the record has been corrected and the requester told.',
  return_edit: 'The edit has been sent back for review.',
  ask_for_information: 'Your question has been sent. The clock has stopped until the requester replies.',
  refuse: 'The request is refused and the requester told.',
  close: 'The request is closed and the requester told.',
  assign: 'The request has been assigned.',
};

type Props = { params: Promise<{ requestId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CorrectionRequestPage({ params, searchParams }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { requestId } = await params;
  if (!isRecordId(requestId)) notFound();
  const view = await viewRequest({ db: await getDb(), caseworker, requestId, clientAddress: clientAddress(await headers()) }).catch(whenRefused((error) => ({ refusal: error.userMessage }), 'forbidden'));
  if (!view) return refuseAsNotFound('No correction request of their council with this id');
  if ('refusal' in view) return <RequestRefused message={view.refusal} />;
  const { request, child, item } = view;
  const doneNotice = choiceOf(DONE, (await searchParams).done);
  const status = STATUS_TAGS[request.status];
  const decisions = offeredDecisions(view, caseworker.id);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href="/staff/casework">
          Back to the queue
        </Link>
        {doneNotice ? <NotificationBanner success text={doneNotice} /> : null}
        <span className="govuk-caption-l">Correction request {request.reference}</span>
        <h1 className="govuk-heading-l">{itemLabel(request.itemKind, request.field)}</h1>
        <p className="govuk-body">
          <strong className={`govuk-tag ${status.tag}`}>{status.text}</strong>
        </p>
        {view.blockedBecause ? <div className="govuk-inset-text">{view.blockedBecause}</div> : null}

        <h2 className="govuk-heading-m">The request</h2>
        <dl className="govuk-summary-list">
          <SummaryRow label="Child">
            {child.givenNames} {child.familyName}, born {formatDate(child.dateOfBirth)}
            <br />
            Index number {formatIndexNumber(child.indexNumber)}
          </SummaryRow>
          <SummaryRow label="Raised by">
            {request.raisedBySource
              ? `The source system ${request.raisedBySource}: a load linked the child but holds this otherwise`
              : request.raisedByStaffId
                ? 'A caseworker, for the young person or parent'
                : 'The young person or parent, in the portal'}
          </SummaryRow>
          <SummaryRow label="Received">{formatDate(request.receivedAt)}</SummaryRow>
          <SummaryRow label="Answer due by">{formatDate(request.dueOn)}</SummaryRow>
          <SummaryRow label="Assigned to">{request.assignedTo ?? 'Nobody yet'}</SummaryRow>
          <SummaryRow label="Held when asked">{request.valueAsHeld ?? 'Nothing held'}</SummaryRow>
          <SummaryRow label={request.raisedBySource ? 'What the source holds' : 'What the requester says it should be'}>{request.requestedValue}</SummaryRow>
          {request.explanation ? <SummaryRow label={request.raisedBySource ? 'Why it is here' : 'Their explanation'}>{request.explanation}</SummaryRow> : null}
          {request.decisionReason ? <SummaryRow label="Reason given">{request.decisionReason}</SummaryRow> : null}
        </dl>

        <h2 className="govuk-heading-m">The item as held now</h2>
        {item ? (
          <dl className="govuk-summary-list">
            <SummaryRow label="Value">{describeValue(item.value)}</SummaryRow>
            <SummaryRow label="Source">{item.source}</SummaryRow>
            <SummaryRow label="Last confirmed">{formatDate(item.lastConfirmedAt)}</SummaryRow>
          </dl>
        ) : (
          <p className="govuk-body">This item is not changed from this page: correct it at its source, or refuse or close the request with a reason.</p>
        )}

        {view.messages.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Messages</h2>
            {view.messages.map((m, i) => (
              <div className="govuk-inset-text" key={i}>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {m.author === 'citizen' ? 'The requester' : (m.staffName ?? 'Index team')}, {formatDate(m.createdAt)}
                </p>
                <p className="govuk-body">{m.body}</p>
              </div>
            ))}
          </>
        ) : null}

        {request.status === 'awaiting_approval' && request.proposedChange ? (
          <>
            <h2 className="govuk-heading-m">Edited change waiting for approval</h2>
            <p className="govuk-body">
              {request.proposedBy ?? 'A caseworker'} changed what the requester asked for to: <strong>{describeValue(request.proposedChange)}</strong>
            </p>
          </>
        ) : null}

        {decisions.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">What do you want to do?</h2>
            <ul className="govuk-list">
              {decisions.map((d) => (
                <li key={d.slug}>
                  <Link className="govuk-link" href={`/staff/casework/${request.id}/${d.slug}`}>
                    {d.link}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <h2 className="govuk-heading-m">History of the record</h2>
        <VersionHistory history={view.history} />
      </div>
    </div>
  );
}
