// GOV.UK Frontend ships JavaScript without type declarations; this is the one call the app makes.
declare module 'govuk-frontend' {
  /** Starts every component on the page; `onError` hears of each that could not start (by default, console.log). */
  export function initAll(config?: { onError?: (error: unknown) => void } & Record<string, unknown>): void;
}
