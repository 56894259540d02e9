import type { FieldErrors } from '@/lib/validation/staff-sign-in';

/** GOV.UK error summary: every problem on the page, each linking to its field. */
export function ErrorSummary({ errors, message }: { errors?: FieldErrors; message?: string }) {
  const entries = Object.entries(errors ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0 && !message) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} role="alert">
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {message ? <li>{message}</li> : null}
          {entries.map(([field, text]) => (
            <li key={field}>
              <a href={`#${field}`}>{text}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
