import { pageTitle } from './page-title';

/** GOV.UK's "there is a problem with the service" words, for the page React draws and the one served without it. */
export const SERVICE_PROBLEM_WORDS = {
  heading: 'Sorry, there is a problem with the service',
  tryAgain: 'Try again later.',
  nothingLost: 'Nothing you entered has been lost or changed if the page did not finish.',
  title: pageTitle('Sorry, there is a problem with the service'),
} as const;

/** What a request refused before any page or action saw it is told (proxy.ts), by why it was refused. */
export const REFUSED_REQUEST_WORDS = {
  cross_site: {
    status: 403,
    heading: 'This form must be sent from the Children’s Index',
    body: 'The form was sent from another website, so nothing was done. Open the Children’s Index and try again from its own pages.',
  },
  origin_hidden: {
    status: 400,
    heading: 'Sorry, the service could not tell where this form came from',
    body: 'Your browser did not say which website sent the form, so nothing was done. Go back, reload the page and try again.',
  },
  unreadable: {
    status: 400,
    heading: 'Sorry, the service could not read what was sent',
    body: 'Nothing was changed. Go back, reload the page and try again.',
  },
  audit_from_elsewhere: {
    status: 403,
    heading: 'Open the audit trail from the Children’s Index',
    body: 'A link on another website cannot open or download the audit trail. Sign in and use the audit trail link on the service’s own pages.',
  },
} as const;
export type RefusedRequest = keyof typeof REFUSED_REQUEST_WORDS;
