'use client';

import { useCallback } from 'react';
import type { FieldErrors } from '@/lib/validation/staff-sign-in';

/** GOV.UK error summary: every problem on the page, each linking to its field. */
export function ErrorSummary({ errors, message }: { errors?: FieldErrors; message?: string }) {
  const entries = Object.entries(errors ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
  // As GOV.UK asks, the summary takes the focus when it appears, so that a keyboard or screen reader user is not left
  // on a submit button that was disabled while the form was sent (which drops the focus). Only when it appears: not
  // while the user fixes one problem of several, as the browser's checks change the list.
  const focusOnAppearing = useCallback((summary: HTMLDivElement | null) => summary?.focus(), []);
  if (entries.length === 0 && !message) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} role="alert" ref={focusOnAppearing}>
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
