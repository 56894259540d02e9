import { pageTitle } from './page-title';
import { REFUSED_REQUEST_WORDS, type RefusedRequest, SERVICE_PROBLEM_WORDS as words } from './service-problem-words';

/**
 * The body of the document `next start` answers a page that failed while rendering with (500), for a browser without
 * JavaScript: patches/next+16.4.6.patch puts it there, instrumentation.ts hands it over. No reference: the
 * error's digest is not known where it is drawn, and the document's title stays the page's (Next.js writes the head).
 * Plain text only, so nothing in it needs escaping.
 */
export const SERVICE_PROBLEM_BODY = [
  '<link rel="stylesheet" href="/govuk/govuk-frontend.min.css">',
  '<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">',
  '<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">',
  `<h1 class="govuk-heading-l">${words.heading}</h1>`,
  `<p class="govuk-body">${words.tryAgain}</p>`,
  `<p class="govuk-body">${words.nothingLost}</p>`,
  '</div></div></main></div>',
].join('');

/**
 * A whole page for a request the proxy refuses before the app renders anything (proxy.ts): GOV.UK's layout in plain
 * HTML, readable without JavaScript, with the status its words carry.
 */
export function refusedRequestResponse(why: RefusedRequest): Response {
  const { status, heading, body } = REFUSED_REQUEST_WORDS[why];
  const html = [
    '<!DOCTYPE html><html lang="en-GB" class="govuk-template"><head><meta charset="utf-8">',
    `<title>${pageTitle(heading)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="stylesheet" href="/govuk/govuk-frontend.min.css"></head><body class="govuk-template__body">',
    '<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">',
    '<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">',
    `<h1 class="govuk-heading-l">${heading}</h1>`,
    `<p class="govuk-body">${body}</p>`,
    '<p class="govuk-body"><a class="govuk-link" href="/">Go to the Children’s Index</a></p>',
    '</div></div></main></div></body></html>',
  ].join('');
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // Its stylesheet's fonts and images are the service's own; nothing else loads and no script runs.
      'Content-Security-Policy': "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; frame-ancestors 'none'",
    },
  });
}
