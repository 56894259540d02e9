import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { loadStayOnCandidate } from '@/lib/casework/load-stay-on-candidate';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { recordPath } from '@/lib/records/record-path';
import { citedRecordView } from '../cited-view';
import { RaiseStayOnForm } from './raise-stay-on-form';

export const metadata: Metadata = { title: 'Put forward to stay on until 25' };

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A caseworker puts a care leaver or a young person with learning difficulties forward to stay on until 25. */
export default async function RaiseStayOnPage({ params, searchParams }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { childId, purpose } = await citedRecordView({ params, searchParams });
  const candidate = await loadStayOnCandidate({ db: await getDb(), caseworker, childId, purposeEventId: purpose });
  if (candidate === 'purpose_needed') redirect(`/staff/children/${childId}`);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={recordPath(childId, purpose)}>
          Back to the record
        </Link>
        {candidate.child ? (
          <span className="govuk-caption-l">
            {candidate.child.givenNames} {candidate.child.familyName}, index number {formatIndexNumber(candidate.child.indexNumber)}
          </span>
        ) : null}
        <h1 className="govuk-heading-l">Put forward to stay on until 25</h1>
        <p className="govuk-body">
          Care leavers and young people with learning difficulties who still receive services can stay on the index until they are 25, if they agree.
          Another caseworker in your index team decides; you cannot agree to a request you put forward.
        </p>
        {candidate.refusal ? <div className="govuk-inset-text">{candidate.refusal}</div> : <RaiseStayOnForm childId={childId} />}
      </div>
    </div>
  );
}
