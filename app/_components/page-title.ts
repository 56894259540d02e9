/** The service's name, as the header and every page's title give it. */
export const SERVICE_NAME = 'Children’s Index';

/** Every page's title ends the same way (GOV.UK's pattern: the page, the service, GOV.UK). */
export const TITLE_SUFFIX = ` – ${SERVICE_NAME} – GOV.UK`;

export const pageTitle = (page: string) => `${page}${TITLE_SUFFIX}`;
