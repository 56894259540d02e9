'use client';

import { useEffect } from 'react';

/** Marks the page as JavaScript-enabled for GOV.UK Frontend's styles and starts its components. */
export function GovukFrontendInit() {
  useEffect(() => {
    document.body.classList.add('js-enabled');
    if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported');
    void import('govuk-frontend').then(({ initAll }) => initAll());
  }, []);
  return null;
}
