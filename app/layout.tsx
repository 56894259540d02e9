import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { Footer } from './_components/footer';
import { GovukFrontendInit } from './_components/govuk-frontend-init';
import { GovukStylesheet } from './_components/govuk-stylesheet';
import { Header } from './_components/header';
import { PhaseBanner } from './_components/phase-banner';
import { SERVICE_NAME, TITLE_SUFFIX } from './_components/page-title';
import { ServiceNavigation } from './_components/service-navigation';
import { SkipLink } from './_components/skip-link';

export const metadata: Metadata = {
  title: { template: `%s${TITLE_SUFFIX}`, default: `${SERVICE_NAME} – GOV.UK` },
  description: 'Find out who else is working with a child in England, and see and correct what the index holds.',
  icons: {
    icon: [
      { url: '/assets/images/favicon.svg', type: 'image/svg+xml' },
      { url: '/assets/images/favicon.ico', sizes: '48x48' },
    ],
    apple: '/assets/images/govuk-icon-180.png',
  },
};

export const viewport: Viewport = { themeColor: '#1d70b8' };

/** GOV.UK Frontend's template script: marks the page as able to run its JavaScript before the first paint. */
const GOVUK_SUPPORTED = "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

/**
 * Reading the request's headers renders every page per request, as a nonce requires (a page built once would carry
 * a nonce every visitor shares). The nonce itself comes from proxy.ts.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <GovukStylesheet />
      {/* The script adds classes to body before React hydrates it, so React must not take them for a mismatch. */}
      <body className="govuk-template__body" suppressHydrationWarning>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: GOVUK_SUPPORTED }} />
        <SkipLink />
        <Header />
        <ServiceNavigation />
        <PhaseBanner />
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            {children}
          </main>
        </div>
        <Footer />
        <GovukFrontendInit />
      </body>
    </html>
  );
}
