import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { listOwnRequests } from '@/lib/corrections/list-own-requests';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Request sent' };

export default async function RequestSentPage({ searchParams }: { searchParams: Promise<{ reference?: string }> }) {
  const citizen = await requireCitizen();
  const { reference } = await searchParams;
  const { corrections, stayOn } = await listOwnRequests({ db: await getDb(), citizen });
  const sent = [...corrections, ...stayOn].find((r) => r.reference === reference);
  if (!sent) return refuseAsNotFound('No request of theirs with this reference');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Request sent</h1>
          <div className="govuk-panel__body">
            Your reference number
            <br />
            <strong>{sent.reference}</strong>
          </div>
        </div>
        <p className="govuk-body">We have sent you an email to confirm we have it.</p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          The index team will look at your request. If they need more information they will email you, and you can reply
          from your list of requests. They will tell you what they decide within one calendar month.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" href="/portal/requests">
            See your requests
          </Link>
        </p>
      </div>
    </div>
  );
}
