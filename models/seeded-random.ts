/**
 * A small seeded pseudo-random generator (xoshiro128**). Test models must be byte-identical for
 * a seed on every machine, so nothing here may depend on Math.random or platform float quirks:
 * only 32-bit integer arithmetic and exact divisions by powers of two.
 */
export class SeededRandom {
  // A typed array keeps the 32-bit words unboxed; plain number fields above 2^30 get boxed and
  // made generation several times slower.
  private readonly state = new Uint32Array(4);

  constructor(seed: number) {
    // splitmix32 spreads a small seed over the four state words; an all-zero state would stall.
    let mix = seed >>> 0;
    const next = (): number => {
      mix = (mix + 0x9e3779b9) >>> 0;
      let value = mix;
      value = Math.imul(value ^ (value >>> 16), 0x85ebca6b) >>> 0;
      value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35) >>> 0;
      return (value ^ (value >>> 16)) >>> 0;
    };
    this.state[0] = next();
    this.state[1] = next();
    this.state[2] = next();
    this.state[3] = next() | 1;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const state = this.state;
    const word1 = state[1] ?? 0;
    const result = Math.imul(rotateLeft(Math.imul(word1, 5), 7), 9) >>> 0;
    const shifted = word1 << 9;
    state[2] = (state[2] ?? 0) ^ (state[0] ?? 0);
    state[3] = (state[3] ?? 0) ^ word1;
    state[1] = word1 ^ (state[2] ?? 0);
    state[0] = (state[0] ?? 0) ^ (state[3] ?? 0);
    state[2] = (state[2] ?? 0) ^ shifted;
    state[3] = rotateLeft(state[3] ?? 0, 11);
    return result;
  }

  /** A uniform float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /**
   * A uniform float in [-amplitude, amplitude). Random weights need no bell curve, and this is
   * several times faster than a normal draw when a 1B-parameter shape is generated.
   */
  nextSymmetric(amplitude: number): number {
    return (this.nextUint32() / 2147483648 - 1) * amplitude;
  }
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}
