/**
 * Storage sizes of the ggml tensor types whose layout is stable and well known, keyed by the
 * numeric type id in a GGUF tensor header. Types missing here (the IQ families, newer formats)
 * are not rejected; their tensors just skip the size check.
 */
interface GgmlTypeSize {
  /** Elements per block. */
  blockSize: number;
  /** Bytes per block. */
  blockBytes: number;
}

const ggmlTypeSizes: ReadonlyMap<number, GgmlTypeSize> = new Map([
  [0, { blockSize: 1, blockBytes: 4 }], // F32
  [1, { blockSize: 1, blockBytes: 2 }], // F16
  [2, { blockSize: 32, blockBytes: 18 }], // Q4_0
  [3, { blockSize: 32, blockBytes: 20 }], // Q4_1
  [6, { blockSize: 32, blockBytes: 22 }], // Q5_0
  [7, { blockSize: 32, blockBytes: 24 }], // Q5_1
  [8, { blockSize: 32, blockBytes: 34 }], // Q8_0
  [9, { blockSize: 32, blockBytes: 36 }], // Q8_1
  [10, { blockSize: 256, blockBytes: 84 }], // Q2_K
  [11, { blockSize: 256, blockBytes: 110 }], // Q3_K
  [12, { blockSize: 256, blockBytes: 144 }], // Q4_K
  [13, { blockSize: 256, blockBytes: 176 }], // Q5_K
  [14, { blockSize: 256, blockBytes: 210 }], // Q6_K
  [15, { blockSize: 256, blockBytes: 292 }], // Q8_K
  [24, { blockSize: 1, blockBytes: 1 }], // I8
  [25, { blockSize: 1, blockBytes: 2 }], // I16
  [26, { blockSize: 1, blockBytes: 4 }], // I32
  [27, { blockSize: 1, blockBytes: 8 }], // I64
  [28, { blockSize: 1, blockBytes: 8 }], // F64
  [30, { blockSize: 1, blockBytes: 2 }], // BF16
]);

/**
 * The bytes a tensor of this type and element count occupies, `undefined` for a type we do not
 * know, and `null` when the count does not fill whole blocks (a malformed tensor).
 */
export function ggmlTensorByteLength(typeId: number, elementCount: bigint): bigint | undefined | null {
  const size = ggmlTypeSizes.get(typeId);
  if (size === undefined) return undefined;
  const blockSize = BigInt(size.blockSize);
  if (elementCount % blockSize !== 0n) return null;
  return (elementCount / blockSize) * BigInt(size.blockBytes);
}
