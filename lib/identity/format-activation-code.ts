import 'server-only';

/** A code as printed and emailed, in two groups of five so that it is easy to copy: "7QHMX 9KD4T". */
export function formatActivationCode(code: string): string {
  return `${code.slice(0, 5)} ${code.slice(5)}`;
}
