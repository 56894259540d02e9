import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { formatDate } from '@/lib/kernel/dates';
import { requireStaff } from '@/lib/auth/require-staff';
import { AppError } from '@/lib/kernel/errors';
import { clientAddress } from '@/lib/http/client-address';
import { listOrganisationServices } from '@/lib/organisation-services/list-organisation-services';
import { ZOrganisationServiceTarget } from '@/lib/validation/organisation-service';
import { ChangeServiceForm } from './change-service-form';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Approve or remove a service' };

type Props = { params: Promise<{ organisationId: string; serviceCode: string }> };

export default async function OrganisationServicePage({ params }: Props) {
  const admin = await requireStaff('administrator');
  const target = ZOrganisationServiceTarget.safeParse(await params);
  if (!target.success || !target.data.serviceCode) notFound();
  const { organisation, services } = await listOrganisationServices({
    db: await getDb(),
    admin,
    organisationId: target.data.organisationId,
    clientAddress: clientAddress(await headers()),
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return refuseAsNotFound('No organisation they manage with this id');
    throw error;
  });
  const service = services.find((s) => s.code === target.data.serviceCode);
  if (!service) return refuseAsNotFound('No such service of the organisation');
  const canApprove = service.pending && service.addedByStaffId !== admin.id;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={`/staff/admin/organisations/${organisation.id}`}>
          Back to {organisation.name}
        </Link>
        <span className="govuk-caption-l">{organisation.name}</span>
        <h1 className="govuk-heading-l">{service.name}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">{service.pending ? 'Waiting for a second access manager' : 'Provided'}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Added by</dt>
            <dd className="govuk-summary-list__value">
              {service.addedBy ?? 'With the index'}, {formatDate(service.addedAt)}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Reason</dt>
            <dd className="govuk-summary-list__value">{service.reason ?? 'None given'}</dd>
          </div>
        </dl>
        {service.pending && !canApprove ? (
          <div className="govuk-inset-text">You added this sensitive service, so another access manager must approve it.</div>
        ) : null}
        <ChangeServiceForm organisationId={organisation.id} serviceCode={service.code} canApprove={canApprove} />
      </div>
    </div>
  );
}
