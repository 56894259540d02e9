import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { listWorkQueue, type QueueFilter, type Requester } from '@/lib/casework/list-work-queue';
import { formatDate } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { itemLabel } from '../../_components/form/change-fields';
import { CaseworkNavigation } from './casework-navigation';
import { pick, RequestList } from './request-list';
import { STATUS_TAGS } from './status-tags';

export const metadata: Metadata = { title: 'Correction requests' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_OPTIONS = [
  { value: 'open', label: 'Open' },
  ...Object.entries(STATUS_TAGS).map(([value, { text }]) => ({ value, label: text })),
  { value: 'all', label: 'All' },
];
const ASSIGNED_OPTIONS = [
  { value: 'anyone', label: 'Anyone' },
  { value: 'me', label: 'Me' },
  { value: 'nobody', label: 'Nobody' },
];
const SORT_OPTIONS = [
  { value: 'due', label: 'Due soonest' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'newest', label: 'Newest first' },
];

const ASKED_BY: { [K in Requester['kind']]: (r: Extract<Requester, { kind: K }>) => string } = {
  young_person: () => 'The young person',
  parent: (r) => (r.name ? `Parent: ${r.name}` : 'A parent'),
  caseworker: (r) => `${r.name}, for the requester`,
  source: (r) => `Source system: ${r.name}`,
  unknown: () => 'Not known',
};
const askedBy = (r: Requester) => (ASKED_BY[r.kind] as (r: Requester) => string)(r);

/** The index team's queue: the council's correction requests, overdue first. */
export default async function CaseworkQueuePage({ searchParams }: Props) {
  const caseworker = await requireStaff('caseworker');
  const query = await searchParams;
  const filter: Required<QueueFilter> = {
    status: pick(query.status, STATUS_OPTIONS, 'open'),
    assigned: pick(query.assigned, ASSIGNED_OPTIONS, 'anyone'),
    sort: pick(query.sort, SORT_OPTIONS, 'due'),
  };
  const rows = await listWorkQueue({ db: await getDb(), caseworker, filter, clientAddress: clientAddress(await headers()) });
  const filters = [
    { name: 'status', label: 'Status', options: STATUS_OPTIONS, value: filter.status },
    { name: 'assigned', label: 'Assigned to', options: ASSIGNED_OPTIONS, value: filter.assigned },
    { name: 'sort', label: 'Sort by', options: SORT_OPTIONS, value: filter.sort },
  ];
  return (
    <>
      <CaseworkNavigation current="/staff/casework" />
      <h1 className="govuk-heading-l">Correction requests</h1>
      <p className="govuk-body">Requests to correct records of children your index team answers for. Each must be answered within one calendar month of arriving; overdue requests are listed first.</p>
      <RequestList action="/staff/casework" filters={filters} count={rows.length} headers={['Reference', 'Child', 'Asked by', 'Item', 'Status', 'Age', 'Due', 'Assigned to']}>
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.id}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" href={`/staff/casework/${row.id}`}>
                {row.reference}
              </Link>
            </td>
            <td className="govuk-table__cell">
              {row.child.givenNames} {row.child.familyName}
              <br />
              <span className="govuk-body-s">born {formatDate(row.child.dateOfBirth)}</span>
            </td>
            <td className="govuk-table__cell">{askedBy(row.requester)}</td>
            <td className="govuk-table__cell">{itemLabel(row.itemKind, row.field)}</td>
            <td className="govuk-table__cell">
              <strong className={`govuk-tag ${STATUS_TAGS[row.status].tag}`}>{STATUS_TAGS[row.status].text}</strong>
            </td>
            <td className="govuk-table__cell">{row.ageDays === 1 ? '1 day' : `${row.ageDays} days`}</td>
            <td className="govuk-table__cell">
              {formatDate(row.dueOn)}
              {row.overdue ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Overdue</strong> : null}
            </td>
            <td className="govuk-table__cell">{row.assignedTo ?? 'Nobody'}</td>
          </tr>
        ))}
      </RequestList>
    </>
  );
}
