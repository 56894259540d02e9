import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { listOrganisationsToManage } from '@/lib/organisation-services/list-organisations-to-manage';

export const metadata: Metadata = { title: 'Organisations and the services they provide' };

export default async function OrganisationsPage() {
  const admin = await requireStaff('administrator');
  const organisations = await listOrganisationsToManage({ db: await getDb(), admin, clientAddress: clientAddress(await headers()) });
  return (
    <>
      <h1 className="govuk-heading-l">Organisations and the services they provide</h1>
      <p className="govuk-body">
        A practitioner can record that they work with a child only as a service their own organisation provides. Keep
        each organisation’s services here. A sensitive service needs a second access manager to approve it.
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{organisations.length} organisations</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Organisation</th>
            <th scope="col" className="govuk-table__header">Kind</th>
            <th scope="col" className="govuk-table__header">Services it provides</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {organisations.map((organisation) => (
            <tr className="govuk-table__row" key={organisation.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" href={`/staff/admin/organisations/${organisation.id}`}>
                  {organisation.name}
                </Link>
              </td>
              <td className="govuk-table__cell">{organisation.kind.replace('_', ' ')}</td>
              <td className="govuk-table__cell">
                {organisation.services.length ? organisation.services.join(', ') : 'None'}
                {organisation.waiting > 0 ? (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--yellow">{organisation.waiting} waiting for approval</strong>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
