import { z } from 'zod';
import { plainString } from './plain-text';

const reason = plainString('Give the reason, in at least a few words').min(5, 'Give the reason, in at least a few words').max(500, 'Reason must be 500 characters or fewer');

/** An access manager adds a service that an organisation provides. */
export const ZAddOrganisationService = z.object({
  serviceCode: plainString('Select the service the organisation provides').min(1, 'Select the service the organisation provides').max(50, 'Select a service from the list'),
  reason,
});
export type TAddOrganisationService = z.output<typeof ZAddOrganisationService>;

/** An access manager approves (as the second one) or removes one of an organisation's services. */
export const ZChangeOrganisationService = z.object({
  decision: z.enum(['approve', 'remove'], 'Select what you want to do'),
  reason,
});
export type TChangeOrganisationService = z.output<typeof ZChangeOrganisationService>;

/** The organisation and service named in the address of the page; anything else is not found. */
export const ZOrganisationServiceTarget = z.object({
  organisationId: z.uuid(),
  serviceCode: z.string().regex(/^[a-z][a-z0-9_]{0,49}$/).optional(),
});
