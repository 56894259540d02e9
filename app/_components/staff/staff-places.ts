import type { StaffRole } from '@/lib/auth/require-staff';

export type StaffPlace = { href: string; label: string; roles: readonly StaffRole[] };

/** Where each role's work is, in the header of every staff page. */
export const STAFF_NAVIGATION: readonly StaffPlace[] = [
  { href: '/staff/search', label: 'Find a child', roles: ['practitioner', 'caseworker'] },
  { href: '/staff/casework', label: 'Casework', roles: ['caseworker'] },
  { href: '/staff/admin', label: 'Staff accounts', roles: ['administrator'] },
  { href: '/staff/admin/organisations', label: 'Organisations', roles: ['administrator'] },
  { href: '/staff/audit', label: 'Audit trail', roles: ['administrator', 'caseworker'] },
  { href: '/staff', label: 'Your account', roles: ['practitioner', 'caseworker', 'administrator'] },
];

/** A child's record is reached from a search, so its pages belong to "Find a child". */
const SECTION_OF: Record<string, string> = { '/staff/children': '/staff/search' };

/**
 * The place a page belongs to, and whether it is that place's own page: the longest place the address starts with
 * (the account page only as itself, since every staff address starts with it).
 */
export function currentPlace(places: readonly StaffPlace[], pathname: string): { href: string; exact: boolean } | null {
  const section = Object.entries(SECTION_OF).find(([prefix]) => pathname.startsWith(`${prefix}/`))?.[1];
  const within = (href: string) => pathname === href || (href !== '/staff' && pathname.startsWith(`${href}/`));
  const place = places.filter((p) => p.href === section || within(p.href)).sort((a, b) => b.href.length - a.href.length)[0];
  return place ? { href: place.href, exact: place.href === pathname } : null;
}
