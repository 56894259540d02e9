// How much a request may send. Plain JavaScript: next.config.js reads the form limit too.

/**
 * A form post (a server action, or a next-auth route): the longest form (a 2,000-character reply, with the form's
 * hidden fields and the state React sends back) is a few tens of kilobytes even in four-byte characters.
 */
export const FORM_BODY_LIMIT_BYTES = 100 * 1024;

/** A JSON body of the API: a search or a hundred notice ids is well under 5 KB. */
export const JSON_BODY_LIMIT_BYTES = 16 * 1024;

/** A limit as people read it: "16 KB". */
export const describeBytes = (/** @type {number} */ bytes) => `${Math.round(bytes / 1024)} KB`;
