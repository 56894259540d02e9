import type { Metadata } from 'next';
import { staffReturnPath } from '@/lib/auth/return-path';
import { SignInForm } from './sign-in-form';
import { NotificationBanner } from '../../_components/notification-banner';

export const metadata: Metadata = { title: 'Staff sign in' };

const ENDED: Record<string, string> = {
  idle: 'You were signed out because you did nothing for 15 minutes.',
  expired: 'You were signed out because you had been signed in for 8 hours.',
  revoked: 'You have been signed out.',
  not_vetted: 'Your access has been withdrawn. Contact your organisation’s access manager.',
  unknown: 'Sign in to continue.',
  searching_without_viewing: 'You were signed out because you searched many times without opening a record. The index team has been told.',
  activated: 'Your account is ready. Leave the security code blank the first time: you will set up your token next.',
};

export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<{ ended?: string; next?: string | string[] }> }) {
  const { ended, next } = await searchParams;
  const notice = ended ? ENDED[ended] : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice ? <NotificationBanner text={notice} /> : null}
        <h1 className="govuk-heading-l">Staff sign in</h1>
        <p className="govuk-body">
          For practitioners, the index team and access managers. Your organisation’s access manager gives you your user
          name and PIN.
        </p>
        <SignInForm next={staffReturnPath(next) ?? undefined} />
      </div>
    </div>
  );
}
