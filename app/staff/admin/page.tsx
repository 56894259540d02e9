import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { listStaffUsers } from '@/lib/staff-admin/list-staff-users';

export const metadata: Metadata = { title: 'Manage staff accounts' };

export default async function StaffAdminPage() {
  const admin = await requireStaff('administrator');
  const users = await listStaffUsers({ db: await getDb(), admin });
  return (
    <>
      <h1 className="govuk-heading-l">Manage staff accounts</h1>
      <p className="govuk-body">
        {admin.isNationalAdministrator ? 'All local authorities.' : 'Users in your local authority.'} Anyone with a problem
        listed cannot use the index until it is put right.
      </p>
      <Link href="/staff/admin/users/new" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
        Create a user
      </Link>{' '}
      <Link href="/staff/admin/organisations" role="button" draggable="false" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Organisations and their services
      </Link>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{users.length} users</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th>
            <th scope="col" className="govuk-table__header">Role and organisation</th>
            <th scope="col" className="govuk-table__header">Status</th>
            <th scope="col" className="govuk-table__header">Vetting</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {users.map((user) => (
            <tr className="govuk-table__row" key={user.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" href={`/staff/admin/users/${user.id}`}>
                  {user.displayName}
                </Link>
                <br />
                <span className="govuk-hint">{user.username}</span>
              </td>
              <td className="govuk-table__cell">
                {user.role}
                <br />
                {user.organisation}
              </td>
              <td className="govuk-table__cell">
                <strong className={`govuk-tag ${user.status === 'active' && !user.locked ? 'govuk-tag--green' : 'govuk-tag--red'}`}>
                  {user.locked ? 'locked' : user.status.replace('_', ' ')}
                </strong>
              </td>
              <td className="govuk-table__cell">
                {user.problems.map((p) => (
                  <p className="govuk-body-s govuk-!-margin-bottom-1" key={p}>
                    <strong className="govuk-tag govuk-tag--red">Problem</strong> {p}
                  </p>
                ))}
                {user.warnings.map((w) => (
                  <p className="govuk-body-s govuk-!-margin-bottom-1" key={w}>
                    <strong className="govuk-tag govuk-tag--yellow">Soon</strong> {w}
                  </p>
                ))}
                {user.waitingForApproval.map((w) => (
                  <p className="govuk-body-s govuk-!-margin-bottom-1" key={w}>
                    <strong className="govuk-tag govuk-tag--blue">Needs a second access manager</strong> {w}
                  </p>
                ))}
                {user.problems.length + user.warnings.length + user.waitingForApproval.length === 0 ? 'In date' : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
