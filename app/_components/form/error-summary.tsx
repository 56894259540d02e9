'use client';

import { useCallback, useEffect } from 'react';
import type { FieldErrors } from '@/lib/kernel/field-errors';

const ERROR_PREFIX = 'Error: ';

/**
 * GOV.UK error summary: every problem on the page, each linking to its field. While it shows, the page's title starts
 * with "Error: " (GOV.UK asks this, so that a screen reader says it first).
 */
export function ErrorSummary({ errors, message }: { errors?: FieldErrors; message?: string }) {
  const entries = Object.entries(errors ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
  const shown = entries.length > 0 || Boolean(message);
  // As GOV.UK asks, the summary takes the focus when it appears, so that a keyboard or screen reader user is not left
  // on a submit button that was disabled while the form was sent (which drops the focus). Only when it appears: not
  // while the user fixes one problem of several, as the browser's checks change the list.
  const focusOnAppearing = useCallback((summary: HTMLDivElement | null) => summary?.focus(), []);
  if (!shown) return null;
  return (
    <>
      <ErrorTitle />
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
    </>
  );
}

/**
 * "Error: " in front of the page's title while it shows, taken off again when the errors are fixed. In the browser:
 * Next.js writes the page's title from its metadata before any of the page is drawn (a second `<title>` from here
 * would come after it, and browsers use the first), and a server action's errors are not known to the metadata.
 */
export function ErrorTitle() {
  useEffect(() => {
    if (document.title.startsWith(ERROR_PREFIX)) return;
    document.title = `${ERROR_PREFIX}${document.title}`;
    return () => {
      if (document.title.startsWith(ERROR_PREFIX)) document.title = document.title.slice(ERROR_PREFIX.length);
    };
  }, []);
  return null;
}
