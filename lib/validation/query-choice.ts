import { z } from 'zod';

/**
 * The entry of `choices` a query string value names (`?done=approved`), or undefined. Only the keys written there
 * count: `?done=__proto__` or `?done=constructor` must not find what every object inherits.
 */
export function choiceOf<T>(choices: Record<string, T>, value: string | string[] | undefined): T | undefined {
  const key = z.enum(Object.keys(choices) as [string, ...string[]]).safeParse(value);
  return key.success ? choices[key.data] : undefined;
}
