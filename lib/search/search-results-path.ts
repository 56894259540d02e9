/** The results of a search: the address holds the search's audit event, never what was typed. */
export const searchResultsPath = (searchEventId: number) => `/staff/search?results=${searchEventId}#results`;
