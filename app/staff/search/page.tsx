import type { Metadata } from 'next';
import { requireStaff } from '@/lib/auth/require-staff';
import { SearchForm } from './search-form';

export const metadata: Metadata = { title: 'Find a child' };

export default async function SearchPage() {
  await requireStaff('practitioner', 'caseworker');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Find a child</h1>
        <p className="govuk-body">
          Give the family name and the date of birth or postcode, or the index number alone. Every search is recorded with
          your reason.
        </p>
        <SearchForm />
      </div>
    </div>
  );
}
