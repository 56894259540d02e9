'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Starts GOV.UK Frontend's components; the root layout's inline script has already marked the page as able to. Again
 * after each navigation in the browser, for the components of the page it brought (a conditional reveal, the
 * service navigation's menu); those already started say so, which is expected.
 */
export function GovukFrontendInit() {
  const pathname = usePathname();
  useEffect(() => {
    void import('govuk-frontend').then(({ initAll }) =>
      initAll({
        onError: (error) => {
          if (!(error instanceof Error && error.name === 'InitError')) console.log(error);
        },
      }),
    );
  }, [pathname]);
  return null;
}
