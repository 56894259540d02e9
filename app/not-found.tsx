import type { Metadata } from 'next';
import Link from 'next/link';
import { pageTitle } from './_components/page-title';

// As for the start page, the root layout's template does not reach this segment's own title.
export const metadata: Metadata = { title: { absolute: pageTitle('Page not found') } };

export default function NotFound() {
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
