import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Footer } from './_components/footer';
import { GovukFrontendInit } from './_components/govuk-frontend-init';
import { GovukStylesheet } from './_components/govuk-stylesheet';
import { Header } from './_components/header';
import { PhaseBanner } from './_components/phase-banner';
import { SERVICE_NAME, ServiceNavigation } from './_components/service-navigation';
import { SkipLink } from './_components/skip-link';

export const metadata: Metadata = {
  title: { template: `%s – ${SERVICE_NAME} – GOV.UK`, default: `${SERVICE_NAME} – GOV.UK` },
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <GovukStylesheet />
      <body className="govuk-template__body">
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
