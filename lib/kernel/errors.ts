/** The one error type the domain throws on purpose: a code, an HTTP status, and a message safe to show a user. */
export const ERROR_STATUS = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, too_large: 413 } as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    logMessage: string = userMessage,
  ) {
    super(logMessage);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}
