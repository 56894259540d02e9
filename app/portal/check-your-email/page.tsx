import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Check your email' };

export default function CheckYourEmailPage() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">We have sent you an email with a link to sign in. Open it on this device. The link works once, for 15 minutes.</p>
        <p className="govuk-body">
          If it has not arrived after a few minutes, check your spam or junk folder, or{' '}
          <Link className="govuk-link" href="/portal/sign-in">
            ask for another link
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
