/**
 * `action.bind(null, ...args)`, made once for the same action and arguments, for a form's `useActionState`.
 * Binding a server action in the browser makes a new pending promise each time; posted without JavaScript,
 * `useActionState` waits on that promise while the page is drawn, draws again, binds again, and never answers
 * (vercel/next.js#98045). The same bound function each time lets it finish. Kept to a bounded number per action, as
 * the server holds this module for every request.
 */
const bound = new WeakMap<object, Map<string, unknown>>();
const MOST_PER_ACTION = 500;

export function bindOnce<Args extends unknown[], Rest extends unknown[], Result>(action: (...all: [...Args, ...Rest]) => Result, ...args: Args): (...rest: Rest) => Result {
  let forAction = bound.get(action);
  if (!forAction) bound.set(action, (forAction = new Map()));
  const key = JSON.stringify(args);
  let made = forAction.get(key) as ((...rest: Rest) => Result) | undefined;
  if (!made) {
    if (forAction.size >= MOST_PER_ACTION) forAction.delete(forAction.keys().next().value!);
    made = (action as (...all: unknown[]) => Result).bind(null, ...args) as (...rest: Rest) => Result;
    forAction.set(key, made);
  }
  return made;
}
