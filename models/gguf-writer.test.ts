import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGgufFile } from "./gguf-writer.js";

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "privacy-router-gguf-writer-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("writeGgufFile", () => {
  it("writes metadata of every type and aligned tensors that a GGUF reader reads back", async () => {
    const path = join(directory, "values.gguf");
    // Far more than the writer's first 64 KiB header buffer, so it has to grow mid-write.
    const manyStrings = Array.from({ length: 20_000 }, (_, index) => `token-${index}`);
    const { byteLength } = await writeGgufFile(path, {
      metadata: [
        ["general.architecture", { type: "string", value: "llama" }],
        ["test.count", { type: "uint32", value: 7 }],
        ["test.offset", { type: "int32", value: -3 }],
        ["test.ratio", { type: "float32", value: 0.5 }],
        ["test.flag", { type: "bool", value: true }],
        ["test.strings", { type: "string-array", value: manyStrings }],
        ["test.floats", { type: "float32-array", value: [1.5, -2] }],
        ["test.integers", { type: "int32-array", value: [1, -1] }],
      ],
      tensors: [
        { name: "a.weight", dimensions: [3], type: "F32", values: () => [Float32Array.of(1, 2, 3)] },
        { name: "b.weight", dimensions: [32, 2], type: "Q8_0", values: () => [new Float32Array(64).fill(0.25)] },
      ],
    });

    const info = await readGgufFileInfo(path, { sourceType: "filesystem", logWarnings: false });
    const metadata = info.metadata as unknown as { test: Record<string, unknown> };
    expect(metadata.test).toMatchObject({ count: 7, offset: -3, ratio: 0.5, flag: true, floats: [1.5, -2], integers: [1, -1] });
    expect(metadata.test.strings).toEqual(manyStrings);
    const [first, second] = info.tensorInfo ?? [];
    expect(first).toMatchObject({ name: "a.weight", dimensions: [3], offset: 0 });
    // 12 bytes of F32, padded to the 32-byte alignment.
    expect(second).toMatchObject({ name: "b.weight", dimensions: [32, 2], offset: 32 });
    expect(byteLength).toBe(Number(second?.fileOffset) + 2 * 34 + 28);
  });

  it("removes the partial file when a tensor produces the wrong amount of data", async () => {
    const path = join(directory, "short.gguf");
    await expect(
      writeGgufFile(path, { metadata: [], tensors: [{ name: "a", dimensions: [4], type: "F32", values: () => [new Float32Array(3)] }] }),
    ).rejects.toThrow(/produced 12 bytes, expected 16/);
    await expect(readGgufFileInfo(path, { sourceType: "filesystem" })).rejects.toThrow();
  });
});
