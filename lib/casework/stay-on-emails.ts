import type { QueuedEmail } from '@/lib/email/queue-email';

const SIGN_IN = 'Sign in to the Children’s Index to see your request.';

/**
 * What a young person is told about their request to stay on the index until 25: as with corrections, only the
 * reference and what happens next. No names, no dates and no caseworker's words.
 */
export const stayOnEmails = {
  agreed: (to: string, reference: string): QueuedEmail => ({
    to,
    subject: `You can stay on the Children’s Index until you are 25: request ${reference}`,
    text: [
      `The index team has agreed to your request ${reference}. Your record will stay on the Children’s Index until you are 25, instead of leaving at 18.`,
      '',
      `You can change your mind at any time. ${SIGN_IN}`,
    ].join('\n'),
  }),
  notAgreed: (to: string, reference: string): QueuedEmail => ({
    to,
    subject: `Decision on your request ${reference}`,
    text: [
      `The index team has decided not to agree to your request ${reference} to stay on the Children’s Index until you are 25. Your record will leave the index when you are 18.`,
      '',
      `${SIGN_IN} It says why. If you disagree, you can contact the index team.`,
    ].join('\n'),
  }),
  ended: (to: string, reference: string): QueuedEmail => ({
    to,
    subject: `Your record will no longer stay on until 25: request ${reference}`,
    text: [
      `The index team has ended the agreement from your request ${reference}. Your record will leave the Children’s Index as it normally would, at 18.`,
      '',
      `${SIGN_IN} It says why. If you disagree, you can contact the index team.`,
    ].join('\n'),
  }),
};
