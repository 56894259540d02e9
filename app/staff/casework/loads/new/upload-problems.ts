import { tooLargeMessage, uploadCeilingBytes } from '@/lib/loads/upload-ceiling';

/** What can go wrong with an upload from the page, and what the page then says. */
export const UPLOAD_PROBLEMS = {
  no_file: () => 'Choose the load file to send.',
  fields: () => 'Choose the source system, and give the day the source confirmed the details as a real date, for example 30 11 2026 (or leave it empty for today).',
  too_large: () => tooLargeMessage(uploadCeilingBytes()),
  busy: () => 'A file from this source system is still being received or checked: send the next one once that one is staged or refused.',
  not_yours: () => 'You can send loads only for your own organisation’s source systems.',
  empty: () => 'The file is empty: it needs the header row. Nothing was loaded.',
} as const;

export type UploadProblem = keyof typeof UPLOAD_PROBLEMS;

export const isUploadProblem = (value: unknown): value is UploadProblem => typeof value === 'string' && Object.hasOwn(UPLOAD_PROBLEMS, value);
