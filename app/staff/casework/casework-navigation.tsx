import Link from 'next/link';

const SECTIONS = [
  { href: '/staff/casework', label: 'Correction requests' },
  { href: '/staff/casework/stay-on', label: 'Requests to stay on until 25' },
  { href: '/staff/casework/alerts', label: 'Alerts to review' },
  { href: '/staff/casework/loads', label: 'Source loads' },
  { href: '/staff/casework/archive', label: 'Archive' },
] as const;

/** The index team's lists of work and the archive, side by side at the top of each. */
export function CaseworkNavigation({ current }: { current: (typeof SECTIONS)[number]['href'] }) {
  return (
    <nav aria-label="Casework" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list">
        {SECTIONS.map((section) => (
          <li key={section.href} className="govuk-!-display-inline-block govuk-!-margin-right-6">
            {section.href === current ? (
              <strong aria-current="page">{section.label}</strong>
            ) : (
              <Link className="govuk-link" href={section.href}>
                {section.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
