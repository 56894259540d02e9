/** In a landmark of its own (a named section), so that nothing on the page sits outside one. */
export function PhaseBanner() {
  return (
    <section aria-label="Service phase" className="govuk-phase-banner govuk-width-container">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
        <span className="govuk-phase-banner__text">
          This is a new service. Your{' '}
          <a href="/accessibility#contact" className="govuk-link">
            feedback
          </a>{' '}
          will help us to improve it.
        </span>
      </p>
    </section>
  );
}
