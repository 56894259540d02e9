import { z } from 'zod';
import { isRealIsoDay } from './iso-day';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The address of POST /api/v1/loads: which source the file is from and the day it was confirmed on. */
export const ZLoadUpload = z.object({
  source: z.string('Give the source system code as ?source=').trim().min(1, 'Give the source system code as ?source=').max(64, 'The source system code is too long'),
  asOf: z
    .string()
    .regex(ISO_DATE, 'asOf must be a date in the form YYYY-MM-DD')
    .refine(isRealIsoDay, 'asOf must be a real date')
    .optional(),
  fileName: z.string().trim().max(200, 'The file name is too long').optional(),
});
export type TLoadUpload = z.infer<typeof ZLoadUpload>;
