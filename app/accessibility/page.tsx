import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Accessibility statement' };

export default function AccessibilityStatement() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Accessibility statement</h1>
        <p className="govuk-body-l">This statement covers the Children’s Index, for young people, parents and staff.</p>
        <p className="govuk-body">We want as many people as possible to be able to use this service. You should be able to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>change colours, contrast and fonts using your browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>get through the whole service using just a keyboard</li>
          <li>use the service with speech recognition software</li>
          <li>listen to the service using a screen reader</li>
        </ul>
        <p className="govuk-body">We have written the text to be as simple as we can, so that children can understand it.</p>

        <h2 className="govuk-heading-m">How accessible this service is</h2>
        <p className="govuk-body">
          The service is built with the GOV.UK Design System and aims to meet the Web Content Accessibility Guidelines
          (WCAG) 2.2 at level AA. We know of no part that fails to meet it.
        </p>

        <h2 className="govuk-heading-m" id="contact">
          Feedback and contact information
        </h2>
        <p className="govuk-body">
          If you find a problem, or need information in a different format such as large print, easy read or audio,
          email{' '}
          <a className="govuk-link" href="mailto:childrens-index@example.gov.uk">
            childrens-index@example.gov.uk
          </a>
          . We will reply within 5 working days.
        </p>

        <h2 className="govuk-heading-m">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) enforces the accessibility regulations for public sector
          websites. If you are not happy with how we respond to your complaint, contact the{' '}
          <a className="govuk-link" href="https://www.equalityadvisoryservice.com/">
            Equality Advisory and Support Service (EASS)
          </a>
          .
        </p>

        <h2 className="govuk-heading-m">How we tested this service</h2>
        <p className="govuk-body">
          Every page is checked automatically with axe-core against WCAG 2.2 A and AA in our end-to-end tests, which run
          on every change. A manual audit by accessibility specialists, including testing with disabled users and
          assistive technology, has not been done yet; we will publish its results here.
        </p>

        <h2 className="govuk-heading-m">Preparation of this statement</h2>
        <p className="govuk-body">This statement was prepared on 25 November 2026.</p>
      </div>
    </div>
  );
}
