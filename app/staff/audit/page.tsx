import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { seesEveryCouncil } from '@/lib/audit/auditor';
import { EXPORT_LIMIT } from '@/lib/audit/export-audit-events';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { listAuditOrganisations } from '@/lib/audit/list-audit-organisations';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { auditFilterQuery, parseAuditFilter } from '@/lib/validation/audit-filter';
import { fieldErrors } from '@/lib/kernel/field-errors';
import { ErrorSummary } from '../../_components/form/error-summary';
import { AuditEventsTable } from './audit-events-table';
import { AuditFilterForm } from './audit-filter-form';
import { AuditPagination } from './audit-pagination';

export const metadata: Metadata = { title: 'Audit trail' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The audit explorer: who looked at a child, what a user did, by organisation, action and day; CSV to download. */
export default async function AuditExplorerPage({ searchParams }: Props) {
  const viewer = await requireStaff('administrator', 'caseworker');
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = parseAuditFilter(params);
  const db = await getDb();
  const organisations = await listAuditOrganisations({ db, viewer });
  const page = parsed.success ? await listAuditEvents({ db, viewer, filter: parsed.data, clientAddress: clientAddress(await headers()) }) : null;
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const href = (extra: { before?: string; after?: string }) => (parsed.success ? `/staff/audit?${auditFilterQuery(parsed.data, extra)}` : null);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">
        {seesEveryCouncil(viewer)
          ? 'Every search, record view and change in the index, by anyone.'
          : 'Every search, record view and change by the staff of your council’s organisations, and everything anyone did with a record your council’s index team answers for.'}{' '}
        Looking at the trail is recorded in it too.
      </p>
      <AuditFilterForm params={params} errors={errors} organisations={organisations} />
      {page && parsed.success ? (
        <>
          <p className="govuk-body">
            <a className="govuk-link" href={`/staff/audit/export?${auditFilterQuery(parsed.data)}`} download>
              Download these events as a spreadsheet (CSV)
            </a>
            <span className="govuk-!-display-block govuk-hint">
              Newest first, at most {EXPORT_LIMIT.toLocaleString('en-GB')} events. What a searcher typed is left out: open an event to see it.
            </span>
          </p>
          {page.events.length === 0 ? <p className="govuk-body">No events match.</p> : <AuditEventsTable events={page.events} />}
          <AuditPagination newerHref={page.newer ? href({ after: page.newer }) : null} olderHref={page.older ? href({ before: page.older }) : null} />
        </>
      ) : null}
    </>
  );
}
