import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { listOwnRequests } from '@/lib/corrections/list-own-requests';
import { formatDate } from '@/lib/kernel/dates';
import { ReplyForm } from './reply-form';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Reply to the index team' };

export default async function ReplyPage({ params }: { params: Promise<{ requestId: string }> }) {
  const citizen = await requireCitizen();
  const { requestId } = await params;
  const { corrections } = await listOwnRequests({ db: await getDb(), citizen });
  const request = corrections.find((c) => c.id === requestId && c.status === 'awaiting_information');
  if (!request) return refuseAsNotFound('No request of theirs waiting for their reply with this id');
  const question = request.messages.filter((m) => m.author === 'staff').at(-1);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href="/portal/requests">
          Your requests
        </Link>
        <h1 className="govuk-heading-l">Reply to the index team</h1>
        {question ? (
          <div className="govuk-inset-text">
            <p className="govuk-body govuk-!-font-weight-bold">They asked on {formatDate(question.createdAt)}:</p>
            <p className="govuk-body">{question.body}</p>
          </div>
        ) : null}
        <ReplyForm requestId={request.id} reference={request.reference} />
      </div>
    </div>
  );
}
