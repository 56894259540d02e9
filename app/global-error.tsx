'use client';

import { ServiceProblem } from './_components/service-problem';

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <head>
        {/* eslint-disable-next-line @next/next/no-css-tags -- GOV.UK Frontend's published stylesheet, served as is */}
        <link rel="stylesheet" href="/govuk/govuk-frontend.min.css" />
      </head>
      <body className="govuk-template__body">
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            <title>Sorry, there is a problem with the service – Children’s Index – GOV.UK</title>
            <ServiceProblem reference={error.digest} />
          </main>
        </div>
      </body>
    </html>
  );
}
