/**
 * Seeded pseudo-random numbers for the Monte Carlo in program-roi.
 *
 * Math.random cannot be seeded, and the contract promises "same seed, same answer" in the Worker and in every
 * browser, so the generator is written out here:
 * - sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, 32-bit output) passes PractRand
 *   and needs only 32-bit integer arithmetic, which every JavaScript engine does exactly the same way;
 * - its state is filled from the user's seed by splitmix32, so neighbouring seeds (1, 2, 3 …) still give
 *   unrelated streams, and the first outputs are discarded to leave the seeding transient behind.
 * The generator is for simulation only: it is not cryptographically secure.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

const TWO_POW_32 = 4294967296;

/** splitmix32 step: returns the next 32-bit state word derived from `state` (used only for seeding). */
function splitmix32(state: number): { next: number; value: number } {
  const next = (state + 0x9e3779b9) | 0;
  let t = next ^ (next >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  t ^= t >>> 15;
  return { next, value: t >>> 0 };
}

/**
 * Creates an sfc32 generator seeded from any safe integer (both 32-bit halves of the seed are used).
 * The same seed always yields the same sequence.
 */
export function createRng(seed: number): Rng {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  let state = (lo ^ Math.imul(hi, 0x85ebca6b)) | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const step = splitmix32(state);
    state = step.next;
    words.push(step.value);
  }
  let a = words[0]! | 0;
  let b = words[1]! | 0;
  let c = words[2]! | 0;
  // sfc32's fourth word is a counter; starting it at 1 keeps the all-zero state out of reach.
  let d = words[3]! | 1 | 0;
  const next: Rng = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / TWO_POW_32;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/**
 * Maps a uniform `u` in [0, 1) to a triangular distribution on [min, max] with the given mode, by inverting
 * its cumulative distribution function (one uniform per draw, no rejection).
 */
export function triangularFromUniform(u: number, min: number, mode: number, max: number): number {
  const width = max - min;
  if (!(width > 0)) return mode;
  const split = (mode - min) / width;
  if (u < split) return min + Math.sqrt(u * width * (mode - min));
  return max - Math.sqrt((1 - u) * width * (max - mode));
}

/** Draws one value from the triangular distribution (min, mode, max). */
export function sampleTriangular(rng: Rng, min: number, mode: number, max: number): number {
  return triangularFromUniform(rng(), min, mode, max);
}

/**
 * The standard symmetric triangular variate on [-1, 1] with mode 0, from a uniform `u` in [0, 1).
 * A symmetric triangular (m(1 − a), m, m(1 + a)) is m × (1 + a × this), which keeps the Monte Carlo loop free
 * of per-draw branches on the sign of m.
 */
export function unitTriangular(u: number): number {
  return u < 0.5 ? Math.sqrt(2 * u) - 1 : 1 - Math.sqrt(2 * (1 - u));
}
