import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { formatDate } from '@/lib/kernel/dates';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { listOrganisationServices } from '@/lib/organisation-services/list-organisation-services';
import { ZOrganisationServiceTarget } from '@/lib/validation/organisation-service';
import { AddServiceForm } from './add-service-form';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';
import { whenRefused } from '@/app/_components/refusals';

export const metadata: Metadata = { title: 'An organisation’s services' };

const DONE: Record<string, string> = {
  added: 'Service added: the organisation’s practitioners can now record it',
  pending: 'Service added: it counts once a second access manager approves it',
  approved: 'Service approved: the organisation’s practitioners of that service can now record it',
  removed: 'Service removed: the organisation’s practitioners can no longer record it',
};

type Props = { params: Promise<{ organisationId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganisationServicesPage({ params, searchParams }: Props) {
  const admin = await requireStaff('administrator');
  const target = ZOrganisationServiceTarget.safeParse(await params);
  if (!target.success) notFound();
  const { organisation, services, notProvided } = await listOrganisationServices({
    db: await getDb(),
    admin,
    organisationId: target.data.organisationId,
    clientAddress: clientAddress(await headers()),
  }).catch(whenRefused(() => refuseAsNotFound('No organisation they manage with this id'), 'not_found'));
  const done = DONE[String((await searchParams).done)];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href="/staff/admin/organisations">
          All organisations
        </Link>
        {done ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-live="polite">
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{done}</p>
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-l">{organisation.kind.replace('_', ' ')}</span>
        <h1 className="govuk-heading-l">{organisation.name}</h1>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Services it provides</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Service</th>
              <th scope="col" className="govuk-table__header">Added</th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {services.length === 0 ? (
              <tr className="govuk-table__row">
                <td className="govuk-table__cell" colSpan={3}>
                  None: its practitioners cannot record that they work with a child.
                </td>
              </tr>
            ) : null}
            {services.map((service) => (
              <tr className="govuk-table__row" key={service.code}>
                <td className="govuk-table__cell">
                  {service.name}
                  {service.isSensitive ? (
                    <>
                      {' '}
                      <strong className="govuk-tag govuk-tag--purple">Sensitive</strong>
                    </>
                  ) : null}
                  {service.pending ? (
                    <>
                      {' '}
                      <strong className="govuk-tag govuk-tag--yellow">Waiting for a second access manager</strong>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">
                  {service.addedBy ?? 'With the index'}, {formatDate(service.addedAt)}
                  {service.reason ? <span className="govuk-hint govuk-!-margin-bottom-0">{service.reason}</span> : null}
                  {service.approvedBy ? <span className="govuk-hint govuk-!-margin-bottom-0">Approved by {service.approvedBy}</span> : null}
                </td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" href={`/staff/admin/organisations/${organisation.id}/services/${service.code}`}>
                    {service.pending ? 'Approve or remove' : 'Remove'}
                    <span className="govuk-visually-hidden"> {service.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2 className="govuk-heading-m">Add a service</h2>
        <AddServiceForm
          organisationId={organisation.id}
          services={notProvided.map((s) => ({ value: s.code, label: s.isSensitive ? `${s.name} (sensitive: a second access manager approves it)` : s.name }))}
        />
      </div>
    </div>
  );
}
