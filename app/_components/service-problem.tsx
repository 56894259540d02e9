import { SERVICE_PROBLEM_WORDS as words } from './service-problem-words';

/** GOV.UK's "there is a problem with the service" pattern. Shows a reference, never the error itself. */
export function ServiceProblem({ reference }: { reference?: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{words.heading}</h1>
        <p className="govuk-body">{words.tryAgain}</p>
        <p className="govuk-body">{words.nothingLost}</p>
        {reference ? <p className="govuk-body">If you contact us about this, quote reference {reference}.</p> : null}
      </div>
    </div>
  );
}
