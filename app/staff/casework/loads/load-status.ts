import type { LoadCounts } from '@/db/schema';

/** How far a load has got, in words, with the GOV.UK tag colour. */
export function loadStatus(status: string, counts: LoadCounts): { text: string; tag: string } {
  switch (status) {
    case 'staged':
      return { text: 'Received, matching next', tag: 'govuk-tag--grey' };
    case 'matched':
      return { text: 'Matched, applying next', tag: 'govuk-tag--blue' };
    case 'applying':
      return { text: `Applying: ${counts.applied.toLocaleString('en-GB')} rows done`, tag: 'govuk-tag--blue' };
    default:
      return { text: 'Done', tag: 'govuk-tag--green' };
  }
}
