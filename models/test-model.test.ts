import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { readGgufFileInfo } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGenerateTestModel } from "./generate-test-model.js";
import { generateTestModel, testModelChatTemplate } from "./test-model.js";
import { buildTestModelVocabulary } from "./test-model-vocabulary.js";

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "privacy-router-test-model-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("generateTestModel", () => {
  it("writes the same bytes for the same seed and different bytes for another seed", async () => {
    const first = join(directory, "first.gguf");
    const second = join(directory, "second.gguf");
    const other = join(directory, "other.gguf");
    await generateTestModel({ outPath: first, seed: 42 });
    await generateTestModel({ outPath: second, seed: 42 });
    await generateTestModel({ outPath: other, seed: 43 });
    const [firstBytes, secondBytes, otherBytes] = await Promise.all([readFile(first), readFile(second), readFile(other)]);
    expect(firstBytes.equals(secondBytes)).toBe(true);
    expect(firstBytes.equals(otherBytes)).toBe(false);
    expect(firstBytes.length).toBe(otherBytes.length);
  });

  it("writes a tiny llama GGUF of a few hundred KB with a ChatML tokenizer", async () => {
    const path = join(directory, "tiny.gguf");
    await generateTestModel({ outPath: path });
    const { size } = await stat(path);
    expect(size).toBeGreaterThan(100_000);
    expect(size).toBeLessThan(1_000_000);

    const info = await readGgufFileInfo(path, { sourceType: "filesystem", logWarnings: false });
    const metadata = info.metadata as unknown as {
      general: { architecture: string };
      llama: { embedding_length: number; block_count: number; context_length: number };
      tokenizer: { ggml: { model: string; tokens: string[] }; chat_template: string };
    };
    expect(info.version).toBe(3);
    expect(metadata.general.architecture).toBe("llama");
    expect(metadata.llama).toMatchObject({ embedding_length: 64, block_count: 2, context_length: 4096 });
    expect(metadata.tokenizer.ggml.model).toBe("llama");
    expect(metadata.tokenizer.ggml.tokens.slice(0, 3)).toEqual(["<unk>", "<s>", "</s>"]);
    expect(metadata.tokenizer.ggml.tokens).toContain("<|im_start|>");
    expect(metadata.tokenizer.ggml.tokens).toContain("<|im_end|>");
    expect(metadata.tokenizer.chat_template).toBe(testModelChatTemplate);
    const tensorNames = (info.tensorInfo ?? []).map((tensor) => tensor.name);
    expect(tensorNames).toEqual(expect.arrayContaining(["token_embd.weight", "output.weight", "output_norm.weight", "blk.1.ffn_down.weight"]));
  });

  it("builds a vocabulary with byte fallback, every word prefix and unique tokens", () => {
    const vocabulary = buildTestModelVocabulary(1024, 1);
    expect(vocabulary.tokens).toHaveLength(1024);
    expect(new Set(vocabulary.tokens).size).toBe(1024);
    expect(vocabulary.tokens[3]).toBe("<0x00>");
    expect(vocabulary.tokens[258]).toBe("<0xFF>");
    expect(vocabulary.tokens).toEqual(expect.arrayContaining(["\u2581", "\u2581w", "\u2581we", "\u2581weather"]));
    expect(vocabulary.suppressed[vocabulary.ids.end]).toBe(true);
    expect(vocabulary.suppressed[vocabulary.tokens.indexOf("\u2581the")]).toBe(false);
  });
});

describe("test-model CLI", () => {
  it("writes the model and prints its path and size", async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const path = join(directory, "cli.gguf");
    const status = await runGenerateTestModel([path, "--seed", "5", "--shape", "tiny"], stdout, stderr);
    expect(status).toBe(0);
    const { size } = await stat(path);
    expect(String(stdout.read())).toContain(`${path}\t${size} bytes`);
  });

  it("refuses an unknown shape with a usage line", async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const status = await runGenerateTestModel([join(directory, "x.gguf"), "--shape", "huge"], stdout, stderr);
    expect(status).toBe(2);
    expect(String(stderr.read())).toMatch(/--shape must be one of tiny, qwen-0\.5b, llama-1b/);
  });
});
