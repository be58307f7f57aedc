import { open, rename, rm } from "node:fs/promises";
import { encodedByteLength, encodeTensorValues, ggmlTypeIds, type TensorType } from "./tensor-encoding.js";

/**
 * A minimal GGUF (version 3) writer: typed metadata, then tensor headers, then aligned tensor
 * data. It writes only the value types llama.cpp accepts for the keys we set (integers as
 * UINT32, floats as FLOAT32), and streams tensor data so a 1B-parameter file never sits in memory.
 */
export type GgufMetadataValue =
  | { type: "uint32"; value: number }
  | { type: "int32"; value: number }
  | { type: "float32"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | { type: "string-array"; value: readonly string[] }
  | { type: "float32-array"; value: readonly number[] }
  | { type: "int32-array"; value: readonly number[] };

export interface GgufTensor {
  name: string;
  /** ggml order: the first dimension is the innermost (contiguous) one. */
  dimensions: readonly number[];
  type: TensorType;
  /** Yields the tensor's values in file order, in chunks whose lengths are multiples of the type's block size. */
  values: () => Iterable<Float32Array>;
}

export interface GgufFileContent {
  metadata: ReadonlyArray<readonly [key: string, value: GgufMetadataValue]>;
  tensors: readonly GgufTensor[];
}

const ggufMagic = 0x46554747; // "GGUF" read as a little-endian uint32
const ggufVersion = 3;
const alignment = 32;

const valueTypeIds = { uint32: 4, int32: 5, float32: 6, bool: 7, string: 8, array: 9 } as const;

/** Writes the file to a temporary name first, so an interrupted run never leaves a half-written model behind. */
export async function writeGgufFile(path: string, content: GgufFileContent, signal?: AbortSignal): Promise<{ byteLength: number }> {
  const temporaryPath = `${path}.partial-${process.pid}`;
  const file = await open(temporaryPath, "w");
  try {
    const header = encodeHeader(content);
    let position = 0;
    await file.write(header, 0, header.length, position);
    position += header.length;
    for (const tensor of content.tensors) {
      signal?.throwIfAborted();
      const expectedBytes = tensorByteLength(tensor);
      let writtenBytes = 0;
      for (const chunk of tensor.values()) {
        const encoded = encodeTensorValues(tensor.type, chunk);
        await file.write(encoded, 0, encoded.length, position);
        position += encoded.length;
        writtenBytes += encoded.length;
      }
      if (writtenBytes !== expectedBytes) {
        throw new Error(`Tensor ${tensor.name} produced ${writtenBytes} bytes, expected ${expectedBytes}`);
      }
      const padding = paddingFor(position);
      if (padding > 0) {
        await file.write(Buffer.alloc(padding), 0, padding, position);
        position += padding;
      }
    }
    await file.close();
    await rename(temporaryPath, path);
    return { byteLength: position };
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporaryPath, { force: true });
    throw error;
  }
}

function tensorByteLength(tensor: GgufTensor): number {
  const elementCount = tensor.dimensions.reduce((product, dimension) => product * dimension, 1);
  return encodedByteLength(tensor.type, elementCount);
}

function paddingFor(position: number): number {
  return (alignment - (position % alignment)) % alignment;
}

function encodeHeader(content: GgufFileContent): Buffer {
  const writer = new ByteWriter();
  writer.uint32(ggufMagic);
  writer.uint32(ggufVersion);
  writer.uint64(content.tensors.length);
  writer.uint64(content.metadata.length);
  for (const [key, value] of content.metadata) {
    writer.string(key);
    writeMetadataValue(writer, value);
  }
  let dataOffset = 0;
  for (const tensor of content.tensors) {
    writer.string(tensor.name);
    writer.uint32(tensor.dimensions.length);
    for (const dimension of tensor.dimensions) writer.uint64(dimension);
    writer.uint32(ggmlTypeIds[tensor.type]);
    writer.uint64(dataOffset);
    dataOffset += tensorByteLength(tensor);
    dataOffset += paddingFor(dataOffset);
  }
  writer.zeros(paddingFor(writer.length));
  return writer.toBuffer();
}

function writeMetadataValue(writer: ByteWriter, value: GgufMetadataValue): void {
  switch (value.type) {
    case "uint32":
      writer.uint32(valueTypeIds.uint32);
      writer.uint32(value.value);
      return;
    case "int32":
      writer.uint32(valueTypeIds.int32);
      writer.int32(value.value);
      return;
    case "float32":
      writer.uint32(valueTypeIds.float32);
      writer.float32(value.value);
      return;
    case "bool":
      writer.uint32(valueTypeIds.bool);
      writer.uint8(value.value ? 1 : 0);
      return;
    case "string":
      writer.uint32(valueTypeIds.string);
      writer.string(value.value);
      return;
    case "string-array":
      writer.uint32(valueTypeIds.array);
      writer.uint32(valueTypeIds.string);
      writer.uint64(value.value.length);
      for (const item of value.value) writer.string(item);
      return;
    case "float32-array":
      writer.uint32(valueTypeIds.array);
      writer.uint32(valueTypeIds.float32);
      writer.uint64(value.value.length);
      for (const item of value.value) writer.float32(item);
      return;
    case "int32-array":
      writer.uint32(valueTypeIds.array);
      writer.uint32(valueTypeIds.int32);
      writer.uint64(value.value.length);
      for (const item of value.value) writer.int32(item);
      return;
  }
}

/** Appends little-endian values to a growing buffer. */
class ByteWriter {
  private buffer = Buffer.alloc(1 << 16);
  length = 0;

  private reserve(byteCount: number): number {
    if (this.length + byteCount > this.buffer.length) {
      const grown = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + byteCount));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    const offset = this.length;
    this.length += byteCount;
    return offset;
  }

  // Each method reserves first and reads `this.buffer` after: reserving may replace the buffer.
  uint8(value: number): void {
    const offset = this.reserve(1);
    this.buffer.writeUInt8(value, offset);
  }
  uint32(value: number): void {
    const offset = this.reserve(4);
    this.buffer.writeUInt32LE(value, offset);
  }
  int32(value: number): void {
    const offset = this.reserve(4);
    this.buffer.writeInt32LE(value, offset);
  }
  float32(value: number): void {
    const offset = this.reserve(4);
    this.buffer.writeFloatLE(value, offset);
  }
  uint64(value: number): void {
    const offset = this.reserve(8);
    this.buffer.writeBigUInt64LE(BigInt(value), offset);
  }
  string(value: string): void {
    const bytes = Buffer.from(value, "utf8");
    this.uint64(bytes.length);
    const offset = this.reserve(bytes.length);
    bytes.copy(this.buffer, offset);
  }
  zeros(byteCount: number): void {
    const offset = this.reserve(byteCount);
    this.buffer.fill(0, offset, offset + byteCount);
  }
  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
