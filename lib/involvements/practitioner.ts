import { AppError } from '@/lib/kernel/errors';

/** The member of staff recording or ending their own involvement. */
export type Practitioner = {
  id: string;
  role: 'practitioner' | 'caseworker' | 'administrator';
  organisationId: string;
  displayName: string;
  email: string;
  sensitiveServiceCode: string | null;
};

/** Only practitioners record who works with a child; the index team corrects records through casework. */
export function assertPractitioner(staff: Practitioner): void {
  if (staff.role !== 'practitioner') throw new AppError('forbidden', 'Only practitioners record their involvement with a child');
}
