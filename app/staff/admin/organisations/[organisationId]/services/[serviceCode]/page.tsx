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
import { ChangeServiceForm } from './change-service-form';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';
import { whenRefused } from '@/app/_components/refusals';
import { SummaryRow } from '@/app/_components/record/summary-row';

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
  }).catch(whenRefused(() => refuseAsNotFound('No organisation they manage with this id'), 'not_found'));
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
          <SummaryRow label="Status">{service.pending ? 'Waiting for a second access manager' : 'Provided'}</SummaryRow>
          <SummaryRow label="Added by">{service.addedBy ?? 'With the index'}, {formatDate(service.addedAt)}</SummaryRow>
          <SummaryRow label="Reason">{service.reason ?? 'None given'}</SummaryRow>
        </dl>
        {service.pending && !canApprove ? (
          <div className="govuk-inset-text">You added this sensitive service, so another access manager must approve it.</div>
        ) : null}
        <ChangeServiceForm organisationId={organisation.id} serviceCode={service.code} canApprove={canApprove} />
      </div>
    </div>
  );
}
