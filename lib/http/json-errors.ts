import { unstable_rethrow } from 'next/navigation';
import { jsonResponse } from './json-response';

/** What a client is told when something failed on our side: never the error, which may quote SQL or data. */
export const SERVICE_PROBLEM = 'Sorry, there is a problem with the service. Try again later.';

/**
 * A JSON route handler whose unexpected failures (the database gone for a moment, a bug) answer as JSON like every
 * other answer of the API, rather than Next.js's empty 500.
 */
export function withJsonErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      unstable_rethrow(error); // Next.js's own signals (redirect, notFound, dynamic rendering) are not failures
      console.error('API request failed:', describeFailure(error));
      return jsonResponse({ error: SERVICE_PROBLEM }, 500);
    }
  };
}

/**
 * The failure's kind and code for the log, never its message: drizzle's "Failed query" message quotes the parameters
 * (a searcher's names and dates of birth), and PostgreSQL's own messages can quote input.
 */
function describeFailure(error: unknown): string {
  const kinds: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    kinds.push(typeof code === 'string' ? `${current.name} ${code}` : current.name);
  }
  return kinds.join(' ← ') || 'unknown error';
}
