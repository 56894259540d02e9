import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { listStayOnRequests, type StayOnFilter } from '@/lib/casework/list-stay-on-requests';
import { formatDate } from '@/lib/kernel/dates';
import { STAY_ON_BASIS_LABELS } from '@/lib/validation/stay-on-casework';
import { NotificationBanner } from '../../../_components/notification-banner';
import { CaseworkNavigation } from '../casework-navigation';
import { pick, RequestList } from '../request-list';
import { STAY_ON_STATUS_TAGS } from '../status-tags';
import { choiceOf } from '@/lib/validation/query-choice';

export const metadata: Metadata = { title: 'Requests to stay on until 25' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_OPTIONS = [...Object.entries(STAY_ON_STATUS_TAGS).map(([value, { text }]) => ({ value, label: text })), { value: 'all', label: 'All' }];
const SORT_OPTIONS = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
];
const NOTICES: Record<string, string> = {
  approved: 'The request has been agreed. The record stays on the index until the young person is 25, and they have been told.',
  refused: 'The request has been refused. The young person has been told.',
  ended: 'The stay-on has been ended. The record leaves the index at 18, as it normally would.',
};

/** The council's requests to stay on the index until 25, from young people or put forward by a caseworker. */
export default async function StayOnRequestsPage({ searchParams }: Props) {
  const caseworker = await requireStaff('caseworker');
  const query = await searchParams;
  const filter: Required<StayOnFilter> = { status: pick(query.status, STATUS_OPTIONS, 'requested'), sort: pick(query.sort, SORT_OPTIONS, 'newest') };
  const rows = await listStayOnRequests({ db: await getDb(), caseworker, filter });
  const notice = choiceOf(NOTICES, query.done);
  const filters = [
    { name: 'status', label: 'Status', options: STATUS_OPTIONS, value: filter.status },
    { name: 'sort', label: 'Sort by', options: SORT_OPTIONS, value: filter.sort },
  ];
  return (
    <>
      {notice ? <NotificationBanner success text={notice} /> : null}
      <CaseworkNavigation current="/staff/casework/stay-on" />
      <h1 className="govuk-heading-l">Requests to stay on until 25</h1>
      <p className="govuk-body">
        Care leavers and young people with learning difficulties still receiving services can stay on the index until they are 25, with their consent.
        A request must be decided before the young person’s 18th birthday.
      </p>
      <RequestList action="/staff/casework/stay-on" filters={filters} count={rows.length} headers={['Reference', 'Why', 'Status', 'Asked', 'Asked by', 'Turns 18']}>
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.id}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" href={`/staff/casework/stay-on/${row.id}`}>
                {row.reference}
              </Link>
            </td>
            <td className="govuk-table__cell">{STAY_ON_BASIS_LABELS[row.basis]}</td>
            <td className="govuk-table__cell">
              <strong className={`govuk-tag ${STAY_ON_STATUS_TAGS[row.status].tag}`}>{STAY_ON_STATUS_TAGS[row.status].text}</strong>
            </td>
            <td className="govuk-table__cell">{formatDate(row.requestedAt)}</td>
            <td className="govuk-table__cell">{row.raisedBy ?? 'The young person'}</td>
            <td className="govuk-table__cell">{formatDate(row.eighteenthBirthday)}</td>
          </tr>
        ))}
      </RequestList>
    </>
  );
}
