// Who the demonstration's accounts are: the seed writes them, the CLI prints their security codes.
export type DemoAccount = {
  username: string;
  displayName: string;
  role: 'practitioner' | 'caseworker' | 'administrator';
  organisation: 'school' | 'council' | 'sensitive_service';
  isNationalAdministrator?: boolean;
  hasChildProtectionRole?: boolean;
  /** Leave the security token to be enrolled at first sign-in, to show that step. */
  tokenNotEnrolled?: boolean;
  /** Shows the refusal a user with an out-of-date police check gets. */
  policeCheckExpired?: boolean;
  /** Locked as if after repeated failed sign-ins (the lock lifts 30 minutes after seeding). */
  locked?: boolean;
};


export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'demo.teacher', displayName: 'Priya Shah (teacher)', role: 'practitioner', organisation: 'school' },
  {
    username: 'demo.newstarter',
    displayName: 'Jordan Lee (teacher, first sign-in)',
    role: 'practitioner',
    organisation: 'school',
    tokenNotEnrolled: true,
  },
  {
    username: 'demo.socialworker',
    displayName: 'Tom Okafor (social worker)',
    role: 'practitioner',
    organisation: 'council',
    hasChildProtectionRole: true,
  },
  { username: 'demo.sexualhealth', displayName: 'Ana Nowak (sexual health nurse)', role: 'practitioner', organisation: 'sensitive_service' },
  {
    username: 'demo.expired',
    displayName: 'Chris Evans (teacher, police check expired)',
    role: 'practitioner',
    organisation: 'school',
    policeCheckExpired: true,
  },
  {
    username: 'demo.locked',
    displayName: 'Ali Hassan (teacher, locked out)',
    role: 'practitioner',
    organisation: 'school',
    locked: true,
  },
  { username: 'demo.caseworker', displayName: 'Gwen Davies (index team)', role: 'caseworker', organisation: 'council' },
  // A second pair of eyes in the same index team: approves what demo.caseworker edited, decides what they put forward.
  { username: 'demo.caseworker2', displayName: 'Ravi Mistry (index team)', role: 'caseworker', organisation: 'council' },
  { username: 'demo.admin', displayName: 'Sam Taylor (access manager)', role: 'administrator', organisation: 'council' },
  {
    username: 'demo.national',
    displayName: 'Alex Kowalski (national access manager)',
    role: 'administrator',
    organisation: 'council',
    isNationalAdministrator: true,
  },
];
