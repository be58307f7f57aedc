import type { TensorType } from "./tensor-encoding.js";

/**
 * Model shapes the generator offers. `tiny` is for tests; the others copy the dimensions of
 * real small models so a benchmark with random weights costs what the real model would.
 */
export type TestModelShapeName = "tiny" | "qwen-0.5b" | "llama-1b";

export interface TestModelShape {
  name: string;
  vocabularySize: number;
  contextLength: number;
  embeddingLength: number;
  blockCount: number;
  feedForwardLength: number;
  headCount: number;
  headCountKeyValue: number;
  ropeFrequencyBase: number;
  /** Real Qwen2.5-0.5B and Llama-3.2-1B reuse the token embedding as the output matrix. */
  tieEmbeddings: boolean;
  /** Type of the 2-D weight matrices; norms are always F32. */
  matrixType: TensorType;
}

export const testModelShapes: Record<TestModelShapeName, TestModelShape> = {
  tiny: {
    name: "Privacy Router Test Tiny",
    vocabularySize: 1024,
    contextLength: 4096,
    embeddingLength: 64,
    blockCount: 2,
    feedForwardLength: 128,
    headCount: 4,
    headCountKeyValue: 2,
    ropeFrequencyBase: 10000,
    // A separate output matrix lets the next token depend on more than the current one.
    tieEmbeddings: false,
    matrixType: "F16",
  },
  "qwen-0.5b": {
    name: "Privacy Router Test 0.5B Shape",
    vocabularySize: 151936,
    contextLength: 32768,
    embeddingLength: 896,
    blockCount: 24,
    feedForwardLength: 4864,
    headCount: 14,
    headCountKeyValue: 2,
    ropeFrequencyBase: 1000000,
    tieEmbeddings: true,
    matrixType: "Q8_0",
  },
  "llama-1b": {
    name: "Privacy Router Test 1B Shape",
    vocabularySize: 128256,
    contextLength: 131072,
    embeddingLength: 2048,
    blockCount: 16,
    feedForwardLength: 8192,
    headCount: 32,
    headCountKeyValue: 8,
    ropeFrequencyBase: 500000,
    tieEmbeddings: true,
    matrixType: "Q8_0",
  },
};

export function isTestModelShapeName(value: string): value is TestModelShapeName {
  return Object.hasOwn(testModelShapes, value);
}
