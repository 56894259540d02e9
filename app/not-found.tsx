import type { Metadata } from 'next';
import Link from 'next/link';
import { recordNotFound } from '@/lib/auth/record-not-found';

export const metadata: Metadata = { title: 'Page not found' };

export default async function NotFound() {
  await recordNotFound();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          Otherwise, go to the{' '}
          <Link className="govuk-link" href="/">
            start page
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
