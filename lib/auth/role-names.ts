import type { StaffUser } from '@/lib/kernel/actors';

const ROLE_NAMES: Record<StaffUser['role'], string> = { practitioner: 'Practitioner', caseworker: 'Caseworker (index team)', administrator: 'Access manager' };

/** A member of staff's role as the service names it to people. */
export const roleName = (user: Pick<StaffUser, 'role' | 'isNationalAdministrator'>): string =>
  `${ROLE_NAMES[user.role]}${user.isNationalAdministrator ? ' (national)' : ''}`;
