/** GOV.UK's "service unavailable" pattern, for a part of the service that is not open yet. */
export function NotYetAvailable({ what, instead }: { what: string; instead: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sorry, {what} is not available yet</h1>
        <p className="govuk-body">{instead}</p>
        <p className="govuk-body">
          Email{' '}
          <a className="govuk-link" href="mailto:childrens-index@example.gov.uk">
            childrens-index@example.gov.uk
          </a>{' '}
          if you need help now.
        </p>
      </div>
    </div>
  );
}
