import type { Metadata } from 'next';
import Link from 'next/link';
import { readSentTo } from './sent-to-cookie';

export const metadata: Metadata = { title: 'Check your email' };

/** Public: the page after "Send me a link". It repeats the address only to the browser that asked. */
export default async function CheckYourEmailPage() {
  const sentTo = await readSentTo();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Check your email</h1>
        {sentTo ? (
          <p className="govuk-body">
            We have sent a link to sign in to <strong className="govuk-!-font-weight-bold">{sentTo}</strong>.
          </p>
        ) : (
          <p className="govuk-body">We have sent you an email with a link to sign in.</p>
        )}
        <p className="govuk-body">Open it on this device. The link works once, for 15 minutes.</p>
        <p className="govuk-body">
          If it has not arrived after a few minutes, check your spam or junk folder.{' '}
          {sentTo ? 'If the address is wrong, ' : 'If it still has not arrived, '}
          <Link className="govuk-link" href="/portal/sign-in">
            ask for another link
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
