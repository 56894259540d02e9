declare module 'talisman/metrics/jaro-winkler' {
  /** The Jaro–Winkler similarity of two strings, 0 to 1 (prefix of up to 4, scale 0.1, boosted above 0.7). */
  const jaroWinkler: (a: string, b: string) => number;
  export default jaroWinkler;
}
