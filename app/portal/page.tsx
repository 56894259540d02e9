import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'See your record or your child’s record' };

/** The portal's start page: public, says what the service does and what you need. */
export default function PortalStartPage() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">See your record or your child’s record</h1>
        <p className="govuk-body">Use this service to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>see what the Children’s Index holds about you, or about your child</li>
          <li>see which organisations have looked at the record</li>
          <li>ask for something that is wrong to be corrected</li>
        </ul>
        <p className="govuk-body">
          You can see your own record if you are 12 or over. A parent or carer with parental responsibility can see the
          record of a child under 12, and of an older child who agrees.
        </p>
        <h2 className="govuk-heading-m">Before you start</h2>
        <p className="govuk-body">You will need:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>an email address</li>
          <li>the name, date of birth and postcode on the record</li>
          <li>to wait for a code we post to the address on the record (or, for parents, email to the address on it)</li>
        </ul>
        <Link href="/portal/sign-in" role="button" draggable={false} className="govuk-button govuk-button--start" data-module="govuk-button">
          Start now
          <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </Link>
      </div>
    </div>
  );
}
