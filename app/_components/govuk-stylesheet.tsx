/** GOV.UK Frontend's published stylesheet, served as it is from /govuk (see next.config.js). */
export function GovukStylesheet() {
  return (
    <head>
      {/* eslint-disable-next-line @next/next/no-css-tags -- a static file the bundler's CSS parser cannot read */}
      <link rel="stylesheet" href="/govuk/govuk-frontend.min.css" />
    </head>
  );
}
