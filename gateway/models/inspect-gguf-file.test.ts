import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGgufFile } from "../../models/gguf-writer.js";
import { createTinyTestModel, type TinyTestModel } from "../../test/fixtures/tiny-test-model.js";
import { inspectGgufFile } from "./inspect-gguf-file.js";

let tiny: TinyTestModel;

beforeAll(async () => {
  tiny = await createTinyTestModel();
});

afterAll(async () => {
  await tiny.remove();
});

async function writeFixture(name: string, bytes: Buffer): Promise<string> {
  const path = join(tiny.directory, name);
  await writeFile(path, bytes);
  return path;
}

describe("inspectGgufFile", () => {
  it("summarises a valid model", async () => {
    const summary = await inspectGgufFile(tiny.path);
    expect(summary).toMatchObject({ architecture: "llama", name: "Privacy Router Test Tiny", trainContextSize: 4096, vocabularySize: 1024 });
    expect(summary.tensorCount).toBe(21);
  });

  it.each([
    ["a missing file", async () => join(tiny.directory, "nowhere.gguf"), /does not exist/],
    ["an empty file", async () => writeFixture("empty.gguf", Buffer.alloc(0)), /too small/],
    ["random bytes", async () => writeFixture("random.gguf", randomBytes(4096)), /not in GGUF format/],
    ["a text file", async () => writeFixture("notes.gguf", Buffer.from("this is not a model, just some notes\n".repeat(10))), /not in GGUF format/],
    ["a directory", async () => {
      const path = join(tiny.directory, "folder.gguf");
      await mkdir(path, { recursive: true });
      return path;
    }, /not a regular file/],
    ["a GGUF magic followed by garbage", async () => writeFixture("garbage.gguf", Buffer.concat([Buffer.from("GGUF"), randomBytes(4096)])), /GGUF header is malformed|version/],
    ["a header that claims billions of entries", async () => {
      const head = Buffer.alloc(4096);
      head.write("GGUF", 0, "latin1");
      head.writeUInt32LE(3, 4);
      head.writeBigUInt64LE(1n << 40n, 8);
      head.writeBigUInt64LE(1n << 40n, 16);
      return writeFixture("huge-counts.gguf", head);
    }, /GGUF header is malformed/],
    ["a truncated model", async () => {
      const bytes = await readFile(tiny.path);
      return writeFixture("truncated.gguf", bytes.subarray(0, Math.floor(bytes.length / 2)));
    }, /beyond the end of the file/],
  ])("refuses %s with a clear message", async (_, makePath, reason) => {
    const path = await makePath();
    await expect(inspectGgufFile(path)).rejects.toSatisfy((error: unknown) => {
      expect(error).toMatchObject({ code: "local_model_unavailable", status: 503 });
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).toMatch(/^The local model file .+ cannot be used: /);
      return true;
    });
  });

  it("refuses a model whose tokenizer does not match its embedding", async () => {
    const path = join(tiny.directory, "mismatch.gguf");
    await writeGgufFile(path, {
      metadata: [
        ["general.architecture", { type: "string", value: "llama" }],
        ["llama.block_count", { type: "uint32", value: 1 }],
        ["llama.embedding_length", { type: "uint32", value: 32 }],
        ["tokenizer.ggml.model", { type: "string", value: "llama" }],
        ["tokenizer.ggml.tokens", { type: "string-array", value: ["<unk>", "<s>", "</s>"] }],
      ],
      tensors: [{ name: "token_embd.weight", dimensions: [32, 8], type: "F32", values: () => [new Float32Array(32 * 8)] }],
    });
    await expect(inspectGgufFile(path)).rejects.toThrow(/3 tokens but its embedding has 8 rows/);
  });
});
