import { SERVICE_PROBLEM_WORDS as words } from './service-problem-words';

/**
 * The body of the document `next start` answers a page that failed while rendering with (500), for a browser without
 * JavaScript: scripts/patch-next-error-shell.mjs puts it there, instrumentation.ts hands it over. No reference: the
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
