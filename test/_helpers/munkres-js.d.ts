// Ambient types for the untyped dev dependency `munkres-js` (used as a test oracle only).
declare module 'munkres-js' {
  /** Classic Munkres (Hungarian) algorithm; pads rectangular input with 0; returns [row, col] pairs. */
  function computeMunkres(costMatrix: number[][], options?: { padValue?: number }): Array<[number, number]>;
  export default computeMunkres;
}
