// jstat ships no types; only the functions riktvarde uses are declared.
declare module 'jstat' {
  interface JStat {
    beta: { inv(p: number, alpha: number, beta: number): number };
    normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number };
    gammaln(x: number): number;
  }
  const jstat: { jStat: JStat };
  export default jstat;
}
