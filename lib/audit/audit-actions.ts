import { SEARCH_REASONS } from '@/lib/validation/child-search';

/**
 * Every action the audit trail records, in plain English, for the explorer's list, its action filter and the CSV.
 * A test checks that each action written anywhere in lib/ is here, so a new one cannot go unlabelled.
 */
export const AUDIT_ACTIONS = {
  'child.search': 'Searched for a child',
  'child.search.results': 'Looked again at the results of their search',
  'child.view.purpose': 'Gave a reason to open a record',
  'child.view': 'Viewed a record',
  'child.household.view': 'Viewed the other children at an address',
  'child.shield_override': 'Overrode a shield',
  'child.view_for_edit': 'Opened a record to change it',
  'child.edit': 'Changed a record',
  'child.shield': 'Shielded a record',
  'child.shield_lift': 'Lifted a shield',
  'involvement.record': 'Recorded working with a child',
  'involvement.end': 'Ended working with a child',
  'indication.record': 'Recorded an early help assessment or lead professional',
  'indication.end': 'Ended an early help assessment or lead professional',
  'correction.request': 'Asked for a correction',
  'correction.reply': 'Replied about a correction',
  'correction.queue': 'Listed the correction requests, with the children they are about',
  'correction.view': 'Opened a correction request',
  'correction.assign': 'Took on a correction request',
  'correction.ask_for_information': 'Asked the requester for more information',
  'correction.receive_information': 'Recorded more information from the requester',
  'correction.approve': 'Approved a correction',
  'correction.propose_edit': 'Proposed an edited correction',
  'correction.confirm_edit': 'Confirmed an edited correction',
  'correction.return_edit': 'Sent an edited correction back',
  'correction.refuse': 'Refused a correction',
  'correction.close': 'Closed a correction request',
  'correction_notice.list': 'Fetched correction notices',
  'correction_notice.acknowledge': 'Acknowledged correction notices',
  'alert.review': 'Reviewed an alert',
  'load.upload': 'Sent a source system’s load file',
  'load.apply': 'Loaded records from a source system',
  'load.review.view': 'Compared a source load’s row with a record',
  'load.review.decide': 'Decided a source load’s candidate match',
  'stay_on.request': 'Asked to stay on the index until 25',
  'stay_on.withdraw': 'Withdrew a request to stay on',
  'citizen.record.view': 'Viewed their own record online',
  'citizen.identity.statement': 'Said who they are, to see a record online',
  'citizen.identity.code_wrong': 'Entered a wrong identity code',
  'citizen.identity.verified': 'Proved who they are',
  'citizen.parent_access.ask': 'Asked the young person to let them see the record',
  'citizen.parent_access.agree': 'Agreed to a parent seeing their record',
  'citizen.parent_access.withdraw': 'Withdrew a parent’s access to their record',
  'staff.sign_in': 'Signed in',
  'staff.sign_in_failed': 'Failed to sign in',
  'staff.sign_in_locked': 'Tried to sign in while locked out',
  'staff.sign_in_not_vetted': 'Tried to sign in without current vetting',
  'staff.sign_in_throttled': 'Sign-in refused: too many attempts',
  'staff.locked': 'Locked out after failed sign-ins',
  'staff.token_enrolled': 'Set up a security token',
  'staff.account_activated': 'Activated their account',
  'staff_admin.user_viewed': 'Looked at a staff account',
  'staff_admin.user_created': 'Created a staff account',
  'staff_admin.privileges_approved': 'Approved a child-protection role or sensitive service (second access manager)',
  'staff_admin.vetting_recorded': 'Recorded vetting',
  'staff_admin.suspend': 'Suspended a staff account',
  'staff_admin.reinstate': 'Reinstated a staff account',
  'staff_admin.reset_token': 'Reset a security token',
  'organisation_services.list': 'Looked at the organisations whose services they keep',
  'organisation_services.view': 'Looked at an organisation’s services',
  'organisation_services.add': 'Added a service an organisation provides',
  'organisation_services.approve': 'Approved a sensitive service for an organisation, as the second access manager',
  'organisation_services.remove': 'Removed a service an organisation provides',
  'child.archive_view': 'Looked up an archived record',
  'stay_on.view': 'Looked at a request to stay on until 25',
  'stay_on.approve': 'Agreed a request to stay on until 25',
  'stay_on.refuse': 'Refused a request to stay on until 25',
  'stay_on.raise': 'Put a young person forward to stay on until 25',
  'stay_on.end': 'Ended a young person’s stay on the index',
  'retention.run': 'Took leavers out of the index',
  'retention.dry_run': 'Checked who would leave the index',
  'audit.explore': 'Looked at the audit trail',
  'audit.view_event': 'Looked at an audit event',
  'audit.export': 'Downloaded the audit trail',
  'audit.anchored': 'Signed the chain heads into the anchor log',
  'access.refused': 'Was refused a page, action or request',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

/** The events that count as someone looking at a child's record (what a citizen sees as "who looked at it"). */
export const RECORD_VIEW_ACTIONS = ['child.view', 'child.household.view'] as const satisfies readonly AuditAction[];

export const actionLabel = (action: string): string => (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;

const OUTCOMES: Record<string, string> = {
  ok: 'Done',
  matches: 'Results shown',
  too_many: 'Too many matches',
  no_close_match: 'No close match',
  rate_limited: 'Refused: too many searches',
  refused: 'Refused',
  locked: 'Locked out',
  not_found: 'Not found',
  matched: 'Matched a record',
  no_match: 'No match',
  wrong: 'Wrong code',
  sent_if_matched: 'Code sent if matched',
};

export const outcomeLabel = (outcome: string): string => OUTCOMES[outcome] ?? outcome;

/** A search's or a view's reason as the searcher chose it; other reasons (a shield override's) as written. */
export function reasonLabel(reason: string | null): string | null {
  if (reason === null) return null;
  if (reason.startsWith('other: ')) return `Another reason: ${reason.slice('other: '.length)}`;
  return SEARCH_REASONS.find((r) => r.value === reason)?.label ?? reason;
}
