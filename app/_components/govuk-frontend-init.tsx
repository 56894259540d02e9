'use client';

import { useEffect } from 'react';

/** Starts GOV.UK Frontend's components; the root layout's inline script has already marked the page as able to. */
export function GovukFrontendInit() {
  useEffect(() => {
    void import('govuk-frontend').then(({ initAll }) => initAll());
  }, []);
  return null;
}
