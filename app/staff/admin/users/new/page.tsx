import type { Metadata } from 'next';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { listManagedOrganisations } from '@/lib/staff-admin/list-managed-organisations';
import { listSensitiveServices } from '@/lib/staff-admin/list-sensitive-services';
import { CreateUserForm } from './create-user-form';

export const metadata: Metadata = { title: 'Create a user' };

export default async function CreateUserPage() {
  const admin = await requireStaff('administrator');
  const db = await getDb();
  const [organisations, sensitiveServices] = await Promise.all([listManagedOrganisations({ db, admin }), listSensitiveServices({ db })]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Create a user</h1>
        <p className="govuk-body">
          They will get an email with a link to set their password and PIN. They cannot sign in until you have recorded
          their training, user agreement and police check.
        </p>
        <CreateUserForm
          organisations={organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.kind.replace('_', ' ')})` }))}
          sensitiveServices={sensitiveServices.map((s) => ({ value: s.code, label: s.name }))}
        />
      </div>
    </div>
  );
}
