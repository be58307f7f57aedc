import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTinyTestModel, type TinyTestModel } from "../../test/fixtures/tiny-test-model.js";
import { LocalModelManager } from "./local-model.js";
import type { LocalModelState } from "./local-model-state.js";

let tiny: TinyTestModel;
const never = new AbortController().signal;

beforeAll(async () => {
  tiny = await createTinyTestModel("tiny-chat.gguf");
});

afterAll(async () => {
  await tiny.remove();
});

describe("LocalModelManager", () => {
  it("reports not-configured and refuses requests when no model is set", async () => {
    const manager = new LocalModelManager({ modelPath: undefined });
    expect(manager.state).toEqual({ status: "not-configured" });
    await expect(manager.load()).rejects.toMatchObject({ code: "local_model_unavailable", status: 503 });
    await manager.dispose();
  });

  it("loads lazily, once, and reports loading then ready", async () => {
    const manager = new LocalModelManager({ modelPath: tiny.path, contextSize: 1024, parallelRequests: 2 });
    const states: LocalModelState[] = [];
    manager.subscribe((state) => states.push(state));
    expect(manager.state).toEqual({ status: "idle", modelPath: tiny.path });

    const [first, second] = await Promise.all([manager.load(), manager.load()]);
    expect(first).toBe(second);
    expect(first.modelId).toBe("tiny-chat");
    // The generated model's ChatML template makes node-llama-cpp pick its ChatML wrapper.
    expect(first.chatWrapper.wrapperName).toBe("ChatML");
    expect(first.contextSize).toBeGreaterThanOrEqual(1024);
    expect(states.map((state) => state.status)).toEqual(["loading", "ready"]);
    expect(manager.state).toMatchObject({ status: "ready", modelId: "tiny-chat", architecture: "llama", parallelRequests: 2 });
    await manager.dispose();
    await expect(manager.load()).rejects.toMatchObject({ code: "local_model_unavailable" });
  });

  it("refuses a garbage file with a clear error, stays alive and keeps refusing", async () => {
    const garbage = join(tiny.directory, "garbage.gguf");
    await writeFile(garbage, Buffer.concat([Buffer.from("GGUF"), Buffer.from([3, 0, 0, 0]), randomBytes(1 << 16)]));
    const manager = new LocalModelManager({ modelPath: garbage });
    const failure = await manager.load().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "local_model_unavailable", status: 503 });
    expect((failure as Error).message).toMatch(/The local model file garbage\.gguf cannot be used/);
    expect(manager.state).toMatchObject({ status: "error", modelPath: garbage });
    await expect(manager.load()).rejects.toBe(failure);

    // Pointing it at a good file recovers without a restart.
    await manager.setModelPath(tiny.path);
    await expect(manager.load()).resolves.toMatchObject({ modelId: "tiny-chat" });
    await manager.dispose();
  });

  it("serves one request per sequence and queues the rest", async () => {
    const manager = new LocalModelManager({ modelPath: tiny.path, contextSize: 512, parallelRequests: 1 });
    const events: string[] = [];
    let releaseFirst!: () => void;
    const released = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const first = manager.withSequence(never, async ({ sequence }) => {
      events.push("first starts");
      firstStarted();
      await released;
      events.push("first ends");
      return sequence;
    });
    await started;
    const second = manager.withSequence(never, async ({ sequence }) => {
      events.push("second starts");
      return sequence;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual(["first starts"]);
    releaseFirst();
    const [firstSequence, secondSequence] = await Promise.all([first, second]);
    expect(events).toEqual(["first starts", "first ends", "second starts"]);
    expect(secondSequence).toBe(firstSequence);
    await manager.dispose();
  });

  it("aborts running work when disposed and waits for it to let go", async () => {
    const manager = new LocalModelManager({ modelPath: tiny.path, contextSize: 512, parallelRequests: 1 });
    let leaseSignal: AbortSignal | undefined;
    let leaseStarted!: () => void;
    const started = new Promise<void>((resolve) => (leaseStarted = resolve));
    const running = manager.withSequence(never, ({ signal }) => {
      leaseSignal = signal;
      leaseStarted();
      return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
    });
    const outcome = running.catch((error: unknown) => error);
    await started;
    await manager.dispose();
    expect(leaseSignal?.aborted).toBe(true);
    expect(await outcome).toMatchObject({ code: "local_model_unavailable" });
  });
  it("unloads after the idle time, and the next request loads it again", async () => {
    // The idle timer is fired by hand: no waiting, no timing in the assertions.
    let pending: (() => void) | undefined;
    const timers = { set: (callback: () => void) => (pending = callback), clear: () => (pending = undefined) };
    const manager = new LocalModelManager({ modelPath: tiny.path, contextSize: 512, parallelRequests: 1, idleUnloadMs: 60_000, timers, clock: () => new Date("2026-01-02T03:04:05Z") });
    const states: LocalModelState[] = [];
    manager.subscribe((state) => states.push(state));
    const first = await manager.load();
    expect(pending).toBeDefined();

    // While a request holds the model no unload is scheduled.
    await manager.withSequence(never, async () => {
      expect(pending).toBeUndefined();
    });
    expect(pending).toBeDefined();

    const unloaded = new Promise<void>((resolve) => manager.subscribe((state) => state.status === "unloaded" && resolve()));
    const fire = pending;
    pending = undefined;
    fire?.();
    await unloaded;
    expect(manager.state).toEqual({ status: "unloaded", modelPath: tiny.path, unloadedAt: "2026-01-02T03:04:05.000Z" });
    expect(pending).toBeUndefined();

    const again = await manager.withSequence(never, async ({ loaded }) => loaded);
    expect(again).not.toBe(first);
    expect(manager.state.status).toBe("ready");
    expect(states.map((state) => state.status)).toEqual(["loading", "ready", "unloaded", "loading", "ready"]);
    await manager.dispose();
    expect(pending).toBeUndefined();
  });

  it("reports memory and tokens per second from recent answers", async () => {
    const manager = new LocalModelManager({ modelPath: tiny.path, contextSize: 512, parallelRequests: 1 });
    await manager.load();
    const ready = manager.state;
    if (ready.status !== "ready") throw new Error(`expected ready, got ${ready.status}`);
    expect(ready.tokensPerSecond).toBeNull();
    expect(ready.memoryBytes).toBeGreaterThan(0);
    manager.recordGeneration(30, 1_000);
    manager.recordGeneration(10, 1_000);
    expect(manager.state).toMatchObject({ status: "ready", tokensPerSecond: 20 });
    await manager.dispose();
  });
});
