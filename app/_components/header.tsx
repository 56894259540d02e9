import { GovukLogo } from './govuk-logo';

export function Header() {
  return (
    <header className="govuk-header" data-module="govuk-header">
      <div className="govuk-header__container govuk-width-container">
        <div className="govuk-header__logo">
          <a href="https://www.gov.uk/" className="govuk-header__homepage-link">
            <GovukLogo />
          </a>
        </div>
      </div>
    </header>
  );
}
