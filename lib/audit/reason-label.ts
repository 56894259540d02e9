import { SEARCH_REASONS } from '@/lib/validation/child-search';

/** A search's or a view's reason as the searcher chose it; other reasons (a shield override's) as written. */
export function reasonLabel(reason: string | null): string | null {
  if (reason === null) return null;
  if (reason.startsWith('other: ')) return `Another reason: ${reason.slice('other: '.length)}`;
  return SEARCH_REASONS.find((r) => r.value === reason)?.label ?? reason;
}
