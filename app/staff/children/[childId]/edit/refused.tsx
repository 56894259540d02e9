import Link from 'next/link';

/** What a caseworker sees where a rule stops them changing a record. */
export function EditRefused({ message }: { message: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You cannot change this record</h1>
        <p className="govuk-body">{message}</p>
        <p className="govuk-body">
          <Link className="govuk-link" href="/staff/casework">
            Go to your council’s correction requests
          </Link>
        </p>
      </div>
    </div>
  );
}
