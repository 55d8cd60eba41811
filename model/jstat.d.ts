// jstat ships no types; only what riktvarde uses is declared (since issue 15 only test/special.test.ts imports it, as the reference for model/special.ts).
declare module 'jstat' {
  interface JStat {
    beta: { inv(p: number, alpha: number, beta: number): number };
    normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number };
    gammaln(x: number): number;
  }
  const jstat: { jStat: JStat };
  export default jstat;
}
