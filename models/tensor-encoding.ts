/**
 * Encodes float weights in the ggml tensor types the test-model generator writes. Only the
 * types llama.cpp's CPU backend runs for every tensor of a llama model are offered.
 */
export type TensorType = "F32" | "F16" | "Q8_0";

/** ggml's numeric ids for the tensor types, as stored in a GGUF tensor header. */
export const ggmlTypeIds: Record<TensorType, number> = { F32: 0, F16: 1, Q8_0: 8 };

/** Q8_0 packs 32 weights into one block: an f16 scale and 32 signed bytes. */
export const q8BlockSize = 32;
const q8BlockBytes = 2 + q8BlockSize;

export function encodedByteLength(type: TensorType, elementCount: number): number {
  switch (type) {
    case "F32":
      return elementCount * 4;
    case "F16":
      return elementCount * 2;
    case "Q8_0":
      if (elementCount % q8BlockSize !== 0) throw new Error(`Q8_0 needs a multiple of ${q8BlockSize} elements, got ${elementCount}`);
      return (elementCount / q8BlockSize) * q8BlockBytes;
  }
}

/** Encodes `values` (whose length is a multiple of the type's block size) into a new buffer. */
export function encodeTensorValues(type: TensorType, values: Float32Array): Buffer {
  const output = Buffer.alloc(encodedByteLength(type, values.length));
  // Plain index writes: Buffer's write methods check bounds per call, which dominates the
  // generation time of a 1B-parameter file.
  switch (type) {
    case "F32": {
      const view = new DataView(output.buffer, output.byteOffset, output.byteLength);
      for (let index = 0; index < values.length; index++) view.setFloat32(index * 4, values[index] ?? 0, true);
      break;
    }
    case "F16":
      for (let index = 0; index < values.length; index++) {
        const bits = float32ToFloat16Bits(values[index] ?? 0);
        output[index * 2] = bits & 0xff;
        output[index * 2 + 1] = bits >>> 8;
      }
      break;
    case "Q8_0":
      encodeQ8Blocks(values, output);
      break;
  }
  return output;
}

function encodeQ8Blocks(values: Float32Array, output: Buffer): void {
  const blockCount = values.length / q8BlockSize;
  for (let block = 0; block < blockCount; block++) {
    const start = block * q8BlockSize;
    let absoluteMaximum = 0;
    for (let index = start; index < start + q8BlockSize; index++) {
      absoluteMaximum = Math.max(absoluteMaximum, Math.abs(values[index] ?? 0));
    }
    const scale = absoluteMaximum / 127;
    const inverseScale = scale === 0 ? 0 : 1 / scale;
    const blockOffset = block * q8BlockBytes;
    const scaleBits = float32ToFloat16Bits(scale);
    output[blockOffset] = scaleBits & 0xff;
    output[blockOffset + 1] = scaleBits >>> 8;
    for (let index = 0; index < q8BlockSize; index++) {
      const quantized = Math.max(-127, Math.min(127, Math.round((values[start + index] ?? 0) * inverseScale)));
      // Two's complement byte of a value in [-127, 127].
      output[blockOffset + 2 + index] = quantized & 0xff;
    }
  }
}

const conversionFloat = new Float32Array(1);
const conversionBits = new Uint32Array(conversionFloat.buffer);

/** IEEE 754 binary32 to binary16 bits, rounding to nearest even (as ggml does). */
export function float32ToFloat16Bits(value: number): number {
  conversionFloat[0] = value;
  const bits = conversionBits[0] ?? 0;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa === 0 ? 0 : 0x200);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    if (halfExponent < -10) return sign;
    // Subnormal half: shift the mantissa (with its implicit leading one) into place.
    const fullMantissa = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    const halfMantissa = fullMantissa >>> shift;
    const remainder = fullMantissa & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    const roundUp = remainder > halfway || (remainder === halfway && (halfMantissa & 1) === 1);
    return sign | (halfMantissa + (roundUp ? 1 : 0));
  }
  const halfMantissa = mantissa >>> 13;
  const remainder = mantissa & 0x1fff;
  const roundUp = remainder > 0x1000 || (remainder === 0x1000 && (halfMantissa & 1) === 1);
  // A carry out of the mantissa correctly bumps the exponent (and may reach infinity).
  return sign | ((halfExponent << 10) + halfMantissa + (roundUp ? 1 : 0));
}
