import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentCitizen } from '@/lib/auth/require-citizen';
import { CitizenSignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in to see your record' };

export default async function CitizenSignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await currentCitizen()) redirect('/portal/records');
  const { error } = await searchParams;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sign in to see your record</h1>
        {error ? (
          <div className="govuk-inset-text">That sign-in link has expired or has been used already. Ask for a new one below.</div>
        ) : null}
        <p className="govuk-body">Use an email address that only you can read. You do not need a password.</p>
        <CitizenSignInForm />
      </div>
    </div>
  );
}
