/** GOV.UK's "there is a problem with the service" words, for the page React draws and the one served without it. */
export const SERVICE_PROBLEM_WORDS = {
  heading: 'Sorry, there is a problem with the service',
  tryAgain: 'Try again later.',
  nothingLost: 'Nothing you entered has been lost or changed if the page did not finish.',
  title: 'Sorry, there is a problem with the service – Children’s Index – GOV.UK',
} as const;
