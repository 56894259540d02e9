/** GOV.UK's "there is a problem with the service" pattern. Shows a reference, never the error itself. */
export function ServiceProblem({ reference }: { reference?: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
        <p className="govuk-body">Try again later.</p>
        <p className="govuk-body">Nothing you entered has been lost or changed if the page did not finish.</p>
        {reference ? <p className="govuk-body">If you contact us about this, quote reference {reference}.</p> : null}
      </div>
    </div>
  );
}
