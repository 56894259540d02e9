import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You do not have permission to see this page</h1>
        <p className="govuk-body">Your role does not include this part of the index. The attempt has been recorded.</p>
        <p className="govuk-body">
          <Link className="govuk-link" href="/staff">
            Go to your account
          </Link>
        </p>
      </div>
    </div>
  );
}
