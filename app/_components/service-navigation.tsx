import { headers } from 'next/headers';
import Link from 'next/link';
import { currentStaff } from '@/lib/auth/require-staff';
import { requestPath } from '@/lib/http/request-path';
import { SERVICE_NAME } from './page-title';
import { StaffNavigation } from './staff/staff-navigation';
import { STAFF_NAVIGATION } from './staff/staff-places';

// A button drawn as the navigation's links are (GOV.UK Frontend has no such component).
const BUTTON_AS_LINK = `
.govuk-service-navigation .app-service-navigation__button{margin:0;padding:0;border:0;background:none;cursor:pointer;font:inherit;line-height:inherit;color:var(--govuk-link-colour,#1a65a6)}
.govuk-service-navigation .app-service-navigation__button:hover{color:var(--govuk-link-hover-colour,#0f385c)}
.govuk-service-navigation .app-service-navigation__button:focus{color:var(--govuk-focus-text-colour,#0b0c0c)}`;

const isStaffPage = (path: string) => path === '/staff' || path.startsWith('/staff/');

/**
 * The service's name and, on the staff side for someone signed in, the places their role works in and "Sign out".
 * The signed-in member of staff is checked as the page's own guard checks them (once per request, see currentStaff).
 */
export async function ServiceNavigation() {
  const found = isStaffPage(requestPath(await headers())) ? await currentStaff() : null;
  const staff = found?.status === 'signed_in' ? found.staff : null;
  return (
    <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
      {staff ? (
        <style href="app-service-navigation" precedence="default">
          {BUTTON_AS_LINK}
        </style>
      ) : null}
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <Link href={staff ? '/staff' : '/'} className="govuk-service-navigation__link">
              {SERVICE_NAME}
            </Link>
          </span>
          {staff ? <StaffNavigation places={STAFF_NAVIGATION.filter((place) => place.roles.includes(staff.role))} /> : null}
        </div>
      </div>
    </section>
  );
}
