import type { ChangeKey } from '@/lib/validation/correction-change';

const SLUGS: Record<string, ChangeKey> = { name: 'child:name', 'date-of-birth': 'child:dateOfBirth', gender: 'child:gender', address: 'address:address' };
const CARER = /^carer-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The address of one item's "change" page: which item, and for a carer which one (by id, never by name). */
export function itemSlug(key: ChangeKey, itemId: string | null): string {
  if (key === 'carer:details') return `carer-${itemId}`;
  return Object.entries(SLUGS).find(([, k]) => k === key)![0];
}

export function parseItemSlug(slug: string): { key: ChangeKey; itemId: string | null } | null {
  // Own keys only: "constructor" in the address must not find Object's.
  if (Object.hasOwn(SLUGS, slug)) return { key: SLUGS[slug]!, itemId: null };
  const carer = CARER.exec(slug);
  return carer ? { key: 'carer:details', itemId: carer[1]! } : null;
}
