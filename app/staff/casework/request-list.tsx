import type { ReactNode } from 'react';

type Options = { value: string; label: string }[];
type Filter = { name: string; label: string; options: Options; value: string };

/** A value from the query string if it is one of the options, else the fallback: lists are filtered by known values only. */
export const pick = <T extends string>(value: unknown, options: Options, fallback: T): T =>
  typeof value === 'string' && options.some((o) => o.value === value) ? (value as T) : fallback;

/**
 * One of the index team's lists of requests: the filters (a GET form, so a filtered list can be bookmarked), then
 * the table with its count, at most `limit` rows, or a line saying none match.
 */
export function RequestList({ action, filters, count, limit = 200, headers, children }: { action: string; filters: Filter[]; count: number; limit?: number; headers: string[]; children: ReactNode }) {
  return (
    <>
      <form method="get" action={action}>
        {filters.map((filter) => (
          <div className="govuk-form-group govuk-!-margin-right-4" key={filter.name}>
            <label className="govuk-label" htmlFor={filter.name}>
              {filter.label}
            </label>
            <select className="govuk-select" id={filter.name} name={filter.name} defaultValue={filter.value}>
              {filter.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show requests
        </button>
      </form>
      {count === 0 ? (
        <p className="govuk-body">No requests match.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{count === limit ? `The first ${limit} requests` : `${count} ${count === 1 ? 'request' : 'requests'}`}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {headers.map((header) => (
                <th scope="col" className="govuk-table__header" key={header}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">{children}</tbody>
        </table>
      )}
    </>
  );
}
