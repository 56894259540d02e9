import Link from 'next/link';
import { SERVICE_NAME } from './page-title';

export function ServiceNavigation() {
  return (
    <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <Link href="/" className="govuk-service-navigation__link">
              {SERVICE_NAME}
            </Link>
          </span>
        </div>
      </div>
    </section>
  );
}
