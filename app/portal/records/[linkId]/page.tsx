import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { ageOn } from '@/lib/citizen-access/age';
import { formatDate } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { viewOwnRecord } from '@/lib/portal/view-own-record';
import { isRecordId } from '@/lib/records/record-path';
import { ChildDetails } from '../../../_components/record/child-details';
import { PeopleAndSettings } from '../../../_components/record/people-and-settings';
import { Services } from '../../../_components/record/services';
import { NotShown } from '../../not-shown';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'The record' };

const ORGANISATION_KINDS: Record<string, string> = {
  local_authority: 'Council',
  school: 'School',
  nursery: 'Nursery',
  college: 'College',
  gp_practice: 'GP practice',
  health_service: 'Health service',
  youth_service: 'Youth service',
  police: 'Police',
  voluntary_sector: 'Charity or voluntary group',
  other: 'Other organisation',
};

export default async function CitizenRecordPage({ params }: { params: Promise<{ linkId: string }> }) {
  const citizen = await requireCitizen();
  const { linkId } = await params;
  if (!isRecordId(linkId)) notFound();
  const result = await viewOwnRecord({ db: await getDb(), citizen, linkId, clientAddress: clientAddress(await headers()) });
  if (result.outcome === 'not_allowed') {
    if (result.reason === 'no_link') return refuseAsNotFound('No record linked to their account with this id');
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">We cannot show this record</h1>
          <p className="govuk-body">
            <NotShown reason={result.reason} givenName="The young person" />
          </p>
        </div>
      </div>
    );
  }
  const { record, relationship, viewers } = result.view;
  const own = relationship === 'self';
  const firstName = record.child.givenNames.split(' ')[0];
  const whose = own ? 'your record' : `${firstName}’s record`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href="/portal/records">
          Your records
        </Link>
        <span className="govuk-caption-l">{own ? 'Your record' : 'Your child’s record'}</span>
        <h1 className="govuk-heading-l">
          {record.child.givenNames} {record.child.familyName}
        </h1>
        <p className="govuk-body">
          This is everything the Children’s Index holds about {own ? 'you' : firstName}. Under each item it says where it came
          from and when it was last confirmed. If something is wrong, you can ask for it to be corrected.
        </p>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" href="#who-has-looked">
              Who has looked at {whose}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" href={`/portal/records/${linkId}/corrections/new`}>
              Ask for something to be corrected
            </Link>
          </li>
          <li>
            <Link className="govuk-link" href="/portal/requests">
              See your requests
            </Link>
          </li>
          {own ? (
            <li>
              <Link className="govuk-link" href={`/portal/records/${linkId}/parent-access`}>
                Choose whether your parents or carers can see your record
              </Link>
            </li>
          ) : null}
          {own && [16, 17].includes(ageOn(record.child.dateOfBirth)) ? (
            <li>
              <Link className="govuk-link" href={`/portal/records/${linkId}/stay-on`}>
                Ask to stay on the index until you are 25
              </Link>
            </li>
          ) : null}
        </ul>

        <h2 className="govuk-heading-m" id="who-has-looked">
          Who has looked at {whose}
        </h2>
        {viewers.length === 0 ? (
          <p className="govuk-body">No organisation has looked at {whose}.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Organisations whose staff opened {whose}, newest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Date</th>
                <th scope="col" className="govuk-table__header">Organisation</th>
                <th scope="col" className="govuk-table__header">Type</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {viewers.map((v, i) => (
                <tr className="govuk-table__row" key={i}>
                  <td className="govuk-table__cell">{formatDate(v.on)}</td>
                  <td className="govuk-table__cell">{v.organisationName}</td>
                  <td className="govuk-table__cell">{ORGANISATION_KINDS[v.organisationKind] ?? 'Organisation'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <ChildDetails record={record} heading={own ? 'About you' : `About ${firstName}`} explainIndexNumber />
        <PeopleAndSettings record={record} />
        <Services involvements={record.involvements} indications={record.indications} />
      </div>
    </div>
  );
}
