import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTinyTestModel, type TinyTestModel } from "../../test/fixtures/tiny-test-model.js";
import { LocalModelManager } from "../models/local-model.js";
import { LocalEmbeddingModel } from "./local-embedding-model.js";

let tiny: TinyTestModel;
let manager: LocalModelManager;
let model: LocalEmbeddingModel;
const never = new AbortController().signal;
const tinyEmbeddingLength = 64;

beforeAll(async () => {
  tiny = await createTinyTestModel("tiny-embed.gguf");
  manager = new LocalModelManager({ modelPath: tiny.path, contextSize: 512 });
  model = new LocalEmbeddingModel(manager);
});

afterAll(async () => {
  await manager.dispose();
  await tiny.remove();
});

describe("LocalEmbeddingModel", () => {
  it("returns one unit vector of the model's embedding size per input, with counted tokens", async () => {
    const result = await model.embed(["hello world", "the weather in the city", "hello world"], { signal: never });
    expect(result.modelId).toBe("tiny-embed");
    expect(result.vectors).toHaveLength(3);
    for (const vector of result.vectors) {
      expect(vector).toHaveLength(tinyEmbeddingLength);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    }
    expect(result.vectors[2]).toEqual(result.vectors[0]);
    expect(result.vectors[1]).not.toEqual(result.vectors[0]);
    // Each input is at least its words plus the begin-of-sequence token.
    expect(result.promptTokens).toBeGreaterThanOrEqual(2 + 2 + 5 + 3);
  });

  it("serves concurrent calls", async () => {
    const [first, second] = await Promise.all([model.embed(["hello"], { signal: never }), model.embed(["world"], { signal: never })]);
    const [again] = (await model.embed(["hello"], { signal: never })).vectors;
    expect(first.vectors[0]).toEqual(again);
    expect(second.vectors[0]).toHaveLength(tinyEmbeddingLength);
  });

  it("refuses empty input and input longer than the context", async () => {
    await expect(model.embed([""], { signal: never })).rejects.toMatchObject({ code: "invalid_request", param: "input" });
    await expect(model.embed(["the weather ".repeat(600)], { signal: never })).rejects.toMatchObject({ code: "invalid_request", param: "input" });
  });

  it("stops when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("client went away"));
    await expect(model.embed(["hello"], { signal: controller.signal })).rejects.toThrow("client went away");
  });
});
