import { AppError, type ErrorCode } from '@/lib/kernel/errors';

/**
 * The one way app/ turns the rules' refusals (`AppError`) into what a page or form shows. Only an `AppError` carries
 * words a user may read; anything else is a fault, thrown on for Next.js to log and answer with the error page.
 */

/** For a page's or handler's `.catch`: an `AppError` (of `code`, when given) becomes what `then` makes of it. */
export function whenRefused<T>(then: (error: AppError) => T, code?: ErrorCode): (error: unknown) => T {
  return (error) => {
    if (error instanceof AppError && (code === undefined || error.code === code)) return then(error);
    throw error;
  };
}

export type Attempt<T> = { refused: false; value: T } | { refused: true; message: string; error: AppError };

/** A form action's domain call: its result, or the refusal's user-safe message for the form to show. */
export function attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
  return work().then(
    (value): Attempt<T> => ({ refused: false, value }),
    whenRefused((error): Attempt<T> => ({ refused: true, message: error.userMessage, error })),
  );
}
