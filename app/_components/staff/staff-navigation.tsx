'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOutAction } from '@/app/staff/sign-out.action';
import { currentPlace, type StaffPlace } from './staff-places';

/**
 * The staff side's places and "Sign out", in GOV.UK's service navigation. Sign out is a button in a form (it ends the
 * session, so it posts), drawn as the other items are.
 */
export function StaffNavigation({ places }: { places: readonly StaffPlace[] }) {
  const current = currentPlace(places, usePathname());
  return (
    <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
      <button type="button" className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">
        Menu
      </button>
      <ul className="govuk-service-navigation__list" id="navigation">
        {places.map((place) => {
          const active = current?.href === place.href;
          return (
            <li key={place.href} className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
              <Link className="govuk-service-navigation__link" href={place.href} aria-current={active ? (current.exact ? 'page' : 'true') : undefined}>
                {active ? <strong className="govuk-service-navigation__active-fallback">{place.label}</strong> : place.label}
              </Link>
            </li>
          );
        })}
        <li className="govuk-service-navigation__item">
          <form action={signOutAction}>
            <button type="submit" className="govuk-service-navigation__link app-service-navigation__button">
              Sign out
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}
