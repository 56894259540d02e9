/**
 * proxy.ts cannot reach the database, so a request it refuses (a server action from another site or one React cannot
 * read, the audit trail opened from another site) is handed to the refusal route (app/refused-request), which audits
 * it and answers it. These headers carry why, and whether it was a server action; the proxy drops any a client sent.
 */
export const REFUSED_REQUEST_ROUTE = '/refused-request';
export const REFUSED_REQUEST_HEADER = 'x-refused-request';
export const REFUSED_SERVER_ACTION_HEADER = 'x-refused-server-action';
