// GOV.UK Frontend ships JavaScript without type declarations; this is the one call the app makes.
declare module 'govuk-frontend' {
  export function initAll(config?: Record<string, unknown>): void;
}
