const ARROWS = {
  prev: 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z',
  next: 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z',
};

function PageLink({ direction, href, text }: { direction: 'prev' | 'next'; href: string | null; text: string }) {
  if (!href) return null;
  return (
    <div className={`govuk-pagination__${direction}`}>
      <a className="govuk-link govuk-pagination__link" href={href} rel={direction}>
        <svg className={`govuk-pagination__icon govuk-pagination__icon--${direction}`} xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
          <path d={ARROWS[direction]} />
        </svg>
        <span className="govuk-pagination__link-title">{text}</span>
      </a>
    </div>
  );
}

/** GOV.UK pagination with only "Newer" and "Older": keyset pages have no numbers. */
export function AuditPagination({ newerHref, olderHref }: { newerHref: string | null; olderHref: string | null }) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of events">
      <PageLink direction="prev" href={newerHref} text="Newer events" />
      <PageLink direction="next" href={olderHref} text="Older events" />
    </nav>
  );
}
