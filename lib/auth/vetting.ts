import { formatDate, todayInLondon } from '@/lib/kernel/dates';

/**
 * Vetting preconditions for a staff account, checked at sign-in and on every request. No clearance, no access:
 * each item that is missing or out of date refuses access by itself, with a message saying which and whom to ask.
 */
export type VettingSubject = {
  status: 'pending_activation' | 'active' | 'suspended';
  trainingCompletedOn: string | null;
  userAgreementSignedOn: string | null;
  policeCheckExpiresOn: string | null;
  lastActiveAt: Date | null;
  organisationAccreditedUntil: string | null;
};

export type VettingProblem = {
  item: 'account' | 'inactivity' | 'accreditation' | 'training' | 'agreement' | 'police_check';
  message: string;
};

export const INACTIVITY_LIMIT_DAYS = 90;
const CONTACT = 'Contact your organisation’s access manager.';

export function vettingProblems(subject: VettingSubject, now: Date): VettingProblem[] {
  // Dates on certificates are England's: a check that ended yesterday has ended at 00:30 in summer too.
  const today = todayInLondon(now);
  const problems: VettingProblem[] = [];
  if (subject.status === 'suspended') {
    problems.push({ item: 'account', message: `Your account is suspended. ${CONTACT}` });
  } else if (subject.status === 'pending_activation') {
    problems.push({ item: 'account', message: `Your account has not been activated yet. ${CONTACT}` });
  }
  const inactiveSince = subject.lastActiveAt ? now.getTime() - subject.lastActiveAt.getTime() : 0;
  if (inactiveSince > INACTIVITY_LIMIT_DAYS * 86_400_000) {
    problems.push({
      item: 'inactivity',
      message: `Your account has not been used for more than ${INACTIVITY_LIMIT_DAYS} days and is suspended. ${CONTACT}`,
    });
  }
  if (!subject.organisationAccreditedUntil || subject.organisationAccreditedUntil < today) {
    problems.push({
      item: 'accreditation',
      message: `Your organisation’s accreditation to use the index has ended. ${CONTACT}`,
    });
  }
  if (!subject.trainingCompletedOn) {
    problems.push({ item: 'training', message: `You have not completed the mandatory training. ${CONTACT}` });
  }
  if (!subject.userAgreementSignedOn) {
    problems.push({ item: 'agreement', message: `You have not signed the user agreement. ${CONTACT}` });
  }
  if (!subject.policeCheckExpiresOn) {
    problems.push({ item: 'police_check', message: `There is no enhanced police check on your record. ${CONTACT}` });
  } else if (subject.policeCheckExpiresOn < today) {
    problems.push({
      item: 'police_check',
      message: `Your enhanced police check expired on ${formatDate(subject.policeCheckExpiresOn)}. ${CONTACT}`,
    });
  }
  return problems;
}
