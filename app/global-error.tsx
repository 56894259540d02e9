'use client';

import { GovukStylesheet } from './_components/govuk-stylesheet';
import { ServiceProblem } from './_components/service-problem';
import { SERVICE_PROBLEM_WORDS } from './_components/service-problem-words';

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <GovukStylesheet />
      <body className="govuk-template__body">
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            <title>{SERVICE_PROBLEM_WORDS.title}</title>
            <ServiceProblem reference={error.digest} />
          </main>
        </div>
      </body>
    </html>
  );
}
