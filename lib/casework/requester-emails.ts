import type { QueuedEmail } from '@/lib/email/queue-email';

const SIGN_IN = 'Sign in to the Children’s Index to see your request.';

/**
 * What the requester is told at each step. Only the reference they were given and what happens next: no names,
 * no record details and no caseworker's words, which could name someone; they read those after signing in.
 */
export const requesterEmails = {
  moreInformationNeeded: (to: string, reference: string): QueuedEmail => ({
    to,
    subject: `We need more information about your request ${reference}`,
    text: [
      `The index team needs more information before they can decide on your request ${reference}.`,
      '',
      `${SIGN_IN} You can read their question and reply there. The time they have to answer stops until you reply.`,
    ].join('\n'),
  }),
  corrected: (to: string, reference: string): QueuedEmail => ({
    to,
    subject: `We have corrected the record: request ${reference}`,
    text: [`The index team has corrected the record as a result of your request ${reference}.`, '', SIGN_IN].join('\n'),
  }),
  notChanged: (to: string, reference: string): QueuedEmail => ({
    to,
    subject: `Decision on your request ${reference}`,
    text: [
      `The index team has decided not to change the record after your request ${reference}.`,
      '',
      `${SIGN_IN} It says why. If you disagree, you can contact the index team or complain to the Information Commissioner’s Office.`,
    ].join('\n'),
  }),
  closed: (to: string, reference: string): QueuedEmail => ({
    to,
    subject: `We have closed your request ${reference}`,
    text: [`The index team has closed your request ${reference}.`, '', SIGN_IN].join('\n'),
  }),
};
