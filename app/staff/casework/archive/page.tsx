import type { Metadata } from 'next';
import { requireStaff } from '@/lib/auth/require-staff';
import { CaseworkNavigation } from '../casework-navigation';
import { LookUpForm } from './look-up-form';

export const metadata: Metadata = { title: 'Archive' };

/** Finding a record that has left the live index: by index number only, with a reason. */
export default async function ArchivePage() {
  await requireStaff('caseworker');
  return (
    <>
      <CaseworkNavigation current="/staff/casework/archive" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Archive</h1>
          <p className="govuk-body">
            Records leave the live index at 18 (or 25 for those who chose to stay on, or a year after a death) and are kept here for six years, then
            deleted for good. Only your index team can read the archived records of children it answered for, one at a time by index number. Each look is
            recorded with your reason.
          </p>
          <LookUpForm />
        </div>
      </div>
    </>
  );
}
