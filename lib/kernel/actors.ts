import type { staffUsers } from '@/db/schema';

/** A member of staff as stored: the actor behind every staff page, action and audit event. */
export type StaffUser = typeof staffUsers.$inferSelect;

/** The part of a member of staff that casework and shielding rules read (who they are, where they work and live). */
export type Caseworker = {
  id: string;
  role: 'practitioner' | 'caseworker' | 'administrator';
  organisationId: string;
  localAuthorityCode: string;
  displayName: string;
  homeAddressLine1: string | null;
  homePostcode: string | null;
};
