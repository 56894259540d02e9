const Arrow = ({ direction }: { direction: 'prev' | 'next' }) => (
  <svg className={`govuk-pagination__icon govuk-pagination__icon--${direction}`} xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
    <path d={direction === 'prev' ? 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z' : 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z'} />
  </svg>
);

/** GOV.UK pagination with only "Newer" and "Older": keyset pages have no numbers. */
export function AuditPagination({ newerHref, olderHref }: { newerHref: string | null; olderHref: string | null }) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of events">
      {newerHref ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={newerHref} rel="prev">
            <Arrow direction="prev" />
            <span className="govuk-pagination__link-title">Newer events</span>
          </a>
        </div>
      ) : null}
      {olderHref ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={olderHref} rel="next">
            <Arrow direction="next" />
            <span className="govuk-pagination__link-title">Older events</span>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
