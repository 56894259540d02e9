import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { listCitizenRecords } from '@/lib/portal/list-citizen-records';
import { isRecordId } from '@/lib/records/record-path';
import { NotShown } from '../../../not-shown';
import { AskYoungPerson } from '../../../records/ask/ask-young-person';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Record linked to your account' };

export default async function RecordLinkedPage({ params }: { params: Promise<{ linkId: string }> }) {
  const citizen = await requireCitizen();
  const { linkId } = await params;
  if (!isRecordId(linkId)) notFound();
  const linked = (await listCitizenRecords({ db: await getDb(), citizen })).find((entry) => entry.linkId === linkId);
  if (!linked) return refuseAsNotFound('No record linked to their account with this id');
  const whose = linked.relationship === 'self' ? 'Your record' : `${linked.givenName}’s record`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Record linked</h1>
          <div className="govuk-panel__body">{whose} is now linked to your account</div>
        </div>
        {linked.access.allowed ? (
          <p className="govuk-body">
            You can see it whenever you sign in.{' '}
            <Link className="govuk-link" href={`/portal/records/${linkId}`}>
              See {linked.relationship === 'self' ? 'your record' : `${linked.givenName}’s record`}
            </Link>
            .
          </p>
        ) : (
          <>
            <p className="govuk-body">
              <NotShown reason={linked.access.reason} givenName={linked.givenName} />
            </p>
            {linked.access.reason === 'needs_agreement' ? <AskYoungPerson linkId={linkId} givenName={linked.givenName} askedAt={linked.askedAt} /> : null}
          </>
        )}
        <Link className="govuk-button" data-module="govuk-button" href="/portal/records" role="button" draggable={false}>
          Go to your records
        </Link>
      </div>
    </div>
  );
}
