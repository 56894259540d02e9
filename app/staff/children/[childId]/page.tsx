import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { ageOn } from '@/lib/citizen-access/age';
import { clientAddress } from '@/lib/http/client-address';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { isRecordId, parseEventId } from '@/lib/records/record-path';
import { searchResultsPath } from '@/lib/search/search-results-path';
import { viewChildRecord } from '@/lib/records/view-child-record';
import { NotificationBanner } from '../../../_components/notification-banner';
import { ChildDetails } from '../../../_components/record/child-details';
import { PeopleAndSettings } from '../../../_components/record/people-and-settings';
import { Services } from '../../../_components/record/services';
import { EndIndicationButton, EndInvolvementButton } from './end-buttons';
import { ShieldedRecord } from './shielded-record';
import { PurposeForm } from './purpose-form';
import { choiceOf } from '@/lib/validation/query-choice';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Child’s record' };

const NOTICES: Record<string, string> = {
  involvement: 'Your involvement has been recorded. Anyone else working with this child has been told that someone else now does.',
  'involvement-ended': 'Your involvement has been ended.',
  indication: 'The early help assessment or lead professional has been recorded.',
  'indication-ended': 'The early help assessment or lead professional has been ended.',
  'not-ended': 'That could not be ended: it may have been ended already.',
  shielded: 'The record is now shielded. Practitioners see only who the child is and whom to contact, and searches by postcode no longer find the child.',
  'shield-lifted': 'The shield has been lifted. Practitioners see the whole record again.',
};

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChildRecordPage({ params, searchParams }: Props) {
  const staff = await requireStaff('practitioner', 'caseworker');
  const { childId } = await params;
  const query = await searchParams;
  if (!isRecordId(childId)) notFound();
  const result = await viewChildRecord({
    db: await getDb(),
    viewer: staff,
    childId,
    purposeEventId: parseEventId(query.purpose),
    clientAddress: clientAddress(await headers()),
  });
  if (result.outcome === 'not_found') return refuseAsNotFound('No record they may see with this id');
  if (result.outcome === 'purpose_needed') return <PurposeForm childId={childId} />;
  const { view, viewEventId } = result;
  const isPractitioner = staff.role === 'practitioner';
  const endContext = { childId: view.kind === 'full' ? view.record.child.id : childId, purpose: viewEventId };
  const notice = choiceOf(NOTICES, query.done);
  const actions = (recordId: string, shielded: boolean) =>
    isPractitioner ? (
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" href={`/staff/children/${recordId}/involvement?purpose=${viewEventId}`}>
            Record that you work with this child
          </Link>
        </li>
        <li>
          <Link className="govuk-link" href={`/staff/children/${recordId}/indication?purpose=${viewEventId}`}>
            Record an early help assessment or lead professional
          </Link>
        </li>
      </ul>
    ) : (
      <p className="govuk-body">
        <Link className="govuk-link" href={`/staff/children/${recordId}/shield?purpose=${viewEventId}`}>
          {shielded ? 'Lift the shield' : 'Shield this record'}
        </Link>
      </p>
    );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {result.searchEventId === null ? null : (
          <Link className="govuk-back-link" href={searchResultsPath(result.searchEventId)}>
            Back to search results
          </Link>
        )}
        {notice ? <NotificationBanner text={notice} success={query.done !== 'not-ended'} /> : null}
        {view.kind === 'shielded' ? (
          <>
            <ShieldedRecord view={view} overrideSpent={result.overrideSpent} />
            {actions(view.child.id, true)}
          </>
        ) : (
          <>
            <span className="govuk-caption-l">Index number {formatIndexNumber(view.record.child.indexNumber)}</span>
            <h1 className="govuk-heading-l">
              {view.record.child.givenNames} {view.record.child.familyName}
            </h1>
            {view.shieldOverridden ? (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  Shield overridden. These details are shown on this page only, once; the index team has been told.
                </strong>
              </div>
            ) : null}
            {result.mergedFromId ? <div className="govuk-inset-text">The record you opened has been merged into this one.</div> : null}
            {view.record.shieldedBy && !view.shieldOverridden ? (
              <div className="govuk-inset-text">This record is shielded: practitioners see only the child’s name, gender, date of birth and parents’ names.</div>
            ) : null}
            {actions(view.record.child.id, view.record.shieldedBy !== null)}
            {staff.role === 'caseworker' ? (
              <ul className="govuk-list">
                <li>
                  <Link className="govuk-link" href={`/staff/children/${view.record.child.id}/edit`}>
                    Change the record
                  </Link>
                </li>
                {[16, 17].includes(ageOn(view.record.child.dateOfBirth)) ? (
                  <li>
                    <Link className="govuk-link" href={`/staff/children/${view.record.child.id}/stay-on?purpose=${viewEventId}`}>
                      Put forward to stay on until 25
                    </Link>
                  </li>
                ) : null}
              </ul>
            ) : null}
            <ChildDetails record={view.record} />
            {!view.record.shieldedBy || staff.role === 'caseworker' ? (
              <p className="govuk-body">
                <Link className="govuk-link" href={`/staff/children/${view.record.child.id}/household?view=${viewEventId}`}>
                  Other children at this address
                </Link>
              </p>
            ) : null}
            <Services
              involvements={view.record.involvements}
              indications={view.record.indications}
              involvementActions={(i) => (isPractitioner && i.practitionerStaffId === staff.id ? <EndInvolvementButton id={i.id} context={endContext} /> : null)}
              indicationActions={(i) => (isPractitioner && i.organisationId === staff.organisationId ? <EndIndicationButton id={i.id} context={endContext} /> : null)}
            />
            <PeopleAndSettings record={view.record} />
          </>
        )}
      </div>
    </div>
  );
}
