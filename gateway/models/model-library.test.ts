import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CatalogueModel, ModelDownloadProgress } from "../../shared/local-models.js";
import { startFakeModelServer, type FakeModelServer } from "../../test/fakes/fake-model-server.js";
import { createTinyTestModel, type TinyTestModel } from "../../test/fixtures/tiny-test-model.js";
import { ModelLibrary } from "./model-library.js";

let tiny: TinyTestModel;
let content: Buffer;
let sha256: string;
let server: FakeModelServer;
let dataDir: string;

beforeAll(async () => {
  tiny = await createTinyTestModel("served.gguf");
  content = await readFile(tiny.path);
  sha256 = createHash("sha256").update(content).digest("hex");
  server = await startFakeModelServer(content);
});

afterAll(async () => {
  await server.close();
  await tiny.remove();
});

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "pr-models-"));
  server.mode = "normal";
  server.ranges.length = 0;
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function entry(overrides: Partial<CatalogueModel> = {}): CatalogueModel {
  return {
    id: "tiny-test",
    name: "Tiny test model",
    description: "seeded random weights",
    role: "default",
    parameters: "0M",
    quantization: "F16",
    url: server.url,
    sizeBytes: content.length,
    // Pinned, as every shipped catalogue entry is; tests of unpinned models pass `sha256: null`.
    sha256,
    licence: "Apache-2.0",
    licenceUrl: "https://example.invalid/licence",
    memoryBytes: 1,
    contextLength: 4096,
    ...overrides,
  };
}

function library(model: CatalogueModel = entry(), extra: Partial<ConstructorParameters<typeof ModelLibrary>[0]> = {}): ModelLibrary {
  return new ModelLibrary({ dataDir, catalogue: [model], ...extra });
}

const partPath = (): string => join(dataDir, "models", "tiny-test.gguf.part");
const finalPath = (): string => join(dataDir, "models", "tiny-test.gguf");

describe("ModelLibrary.pull", () => {
  it("downloads an accepted unpinned model through a redirect, reports progress, hashes what arrived and records it", async () => {
    const models = library(entry({ url: server.redirectUrl, sha256: null }));
    const progress: ModelDownloadProgress[] = [];
    const installed = await models.pull("tiny-test", { onProgress: (report) => progress.push(report), acceptUnpinned: true });
    expect(readFileSync(finalPath()).equals(content)).toBe(true);
    expect(existsSync(partPath())).toBe(false);
    expect(installed).toMatchObject({ id: "tiny-test", file: "tiny-test.gguf", sha256, sha256Source: "computed", sizeBytes: content.length });
    expect(progress.at(-1)).toMatchObject({ receivedBytes: content.length, totalBytes: content.length, resumedFromBytes: 0 });
    const manifest = JSON.parse(readFileSync(join(dataDir, "models", "installed.json"), "utf8")) as { models: unknown[]; trusted: Record<string, string> };
    expect(manifest.models).toEqual([installed]);
    expect(manifest.trusted).toEqual({ "tiny-test": sha256 });
    expect(models.list(undefined)).toEqual([expect.objectContaining({ id: "tiny-test", installed: true, download: null })]);
    expect(models.installedPath("tiny-test")).toBe(finalPath());
  });

  it("checks a published hash and says so in the manifest", async () => {
    const installed = await library(entry({ sha256 })).pull("tiny-test");
    expect(installed.sha256Source).toBe("publisher");
  });

  it("resumes an interrupted download with Range and checks the whole file's hash", async () => {
    const models = library(entry({ sha256 }));
    server.mode = "cut-halfway";
    const failure = (await models.pull("tiny-test").catch((error: unknown) => error)) as Error & { code: string };
    expect(failure.code).toBe("model_download_failed");
    expect(failure.message).toMatch(/interrupted after .*Pull again to resume/);
    const kept = statSync(partPath()).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(content.length);
    expect(models.failure("tiny-test")?.code).toBe("model_download_failed");

    server.mode = "normal";
    const progress: ModelDownloadProgress[] = [];
    const installed = await models.pull("tiny-test", { onProgress: (report) => progress.push(report) });
    expect(server.ranges.at(-1)).toBe(`bytes=${kept}-`);
    expect(progress[0]?.resumedFromBytes).toBe(kept);
    expect(installed).toMatchObject({ sha256, sha256Source: "publisher" });
    expect(readFileSync(finalPath()).equals(content)).toBe(true);
  });

  it.each(["ignore-range", "wrong-range"] as const)("starts over cleanly when the server's answer to a range request is %s", async (mode) => {
    const models = library();
    server.mode = "cut-halfway";
    await models.pull("tiny-test").catch(() => undefined);
    expect(existsSync(partPath())).toBe(true);
    server.mode = mode;
    const installed = await models.pull("tiny-test");
    expect(installed.sha256).toBe(sha256);
    expect(readFileSync(finalPath()).equals(content)).toBe(true);
  });

  it("deletes a file whose hash is not the published one, and says so", async () => {
    const wrong = "0".repeat(64);
    const models = library(entry({ sha256: wrong }));
    const failure = (await models.pull("tiny-test").catch((error: unknown) => error)) as Error & { code: string };
    expect(failure.code).toBe("model_verification_failed");
    expect(failure.message).toContain(sha256);
    expect(failure.message).toContain("deleted");
    expect(existsSync(partPath())).toBe(false);
    expect(existsSync(finalPath())).toBe(false);
    expect(models.installedModels()).toEqual([]);
  });

  it("refuses a download that is not a GGUF model before it can be loaded", async () => {
    const garbage = await startFakeModelServer(Buffer.concat([Buffer.from("GGUF"), Buffer.from([3, 0, 0, 0]), randomBytes(4096)]));
    try {
      const failure = (await library(entry({ url: garbage.url, sha256: null }))
        .pull("tiny-test", { acceptUnpinned: true })
        .catch((error: unknown) => error)) as Error & { code: string };
      expect(failure.code).toBe("model_verification_failed");
      expect(failure.message).toMatch(/not a usable GGUF model/);
      expect(existsSync(finalPath())).toBe(false);
      expect(existsSync(partPath())).toBe(false);
    } finally {
      await garbage.close();
    }
  });

  it("says the host refused the connection when nothing listens, without hanging", async () => {
    const closed = await startFakeModelServer(content);
    const url = closed.url;
    await closed.close();
    const failure = (await library(entry({ url })).pull("tiny-test").catch((error: unknown) => error)) as Error & { code: string };
    expect(failure.code).toBe("model_download_failed");
    expect(failure.message).toMatch(/refused the connection\. Check the network connection/);
  });

  it("gives up on a host that accepts the connection but never answers, with a message", async () => {
    const silent = createNetServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const failure = (await library(entry({ url: `http://127.0.0.1:${port}/model.gguf` }), { connectTimeoutMs: 300 })
        .pull("tiny-test")
        .catch((error: unknown) => error)) as Error & { code: string };
      expect(failure.code).toBe("model_download_failed");
      expect(failure.message).toMatch(/did not answer in time .*Check the network connection/);
    } finally {
      silent.close();
    }
  });

  it("reports a DNS failure in words", async () => {
    const failure = (await library(entry({ url: "https://model-host.invalid/model.gguf" }), { connectTimeoutMs: 5_000 })
      .pull("tiny-test")
      .catch((error: unknown) => error)) as Error & { code: string };
    expect(failure.code).toBe("model_download_failed");
    expect(failure.message).toMatch(/could not be found \(DNS lookup failed|did not answer in time/);
  });

  it("checks free disk space before it asks the server for anything", async () => {
    const models = library(entry(), { statfs: async () => ({ bavail: 10, bsize: 4096 }) });
    const failure = (await models.pull("tiny-test").catch((error: unknown) => error)) as Error & { code: string; status: number };
    expect(failure).toMatchObject({ code: "disk_space_insufficient", status: 507 });
    expect(failure.message).toMatch(/Not enough free disk space/);
    expect(server.ranges).toEqual([]);
  });

  it("reports the server's refusal (404) in one line", async () => {
    server.mode = "not-found";
    const failure = (await library().pull("tiny-test").catch((error: unknown) => error)) as Error & { code: string };
    expect(failure.code).toBe("model_download_failed");
    expect(failure.message).toMatch(/answered HTTP 404/);
  });

  it("keeps a second writer off a download in progress, and takes over a lock a dead process left", async () => {
    const lock = `${partPath()}.lock`;
    mkdirSync(join(dataDir, "models"), { recursive: true });
    writeFileSync(lock, String(process.pid));
    await expect(library().pull("tiny-test")).rejects.toMatchObject({ code: "model_download_in_progress" });
    expect(server.ranges).toEqual([]);
    // A pid far above any pid_max: no such process.
    writeFileSync(lock, "2147483646");
    await expect(library().pull("tiny-test")).resolves.toMatchObject({ sha256 });
    expect(existsSync(lock)).toBe(false);
  });

  it("refuses ids that are not in the catalogue", async () => {
    await expect(library().pull("no-such-model")).rejects.toMatchObject({ code: "model_unknown" });
  });

  it("refuses an unpinned model unless accepted, before any request, and enforces the hash recorded on first use", async () => {
    const models = library(entry({ sha256: null }));
    expect(models.list(undefined)[0]?.checkedSha256).toBeNull();
    await expect(models.pull("tiny-test")).rejects.toMatchObject({ code: "model_unpinned", message: expect.stringContaining("acceptUnpinned") });
    expect(server.ranges).toEqual([]);

    await models.pull("tiny-test", { acceptUnpinned: true });
    expect(models.list(undefined)[0]?.checkedSha256).toBe(sha256);
    expect(await models.remove("tiny-test")).toBe(true);

    const changed = Buffer.from(content);
    changed[changed.length - 1] = (changed.at(-1) ?? 0) ^ 0xff;
    const otherHost = await startFakeModelServer(changed);
    try {
      // Recorded once, required from then on: no acceptance needed, and other bytes are refused.
      const failure = await library(entry({ sha256: null, url: otherHost.url }))
        .pull("tiny-test")
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: "model_verification_failed", message: expect.stringContaining(sha256) });
      expect(existsSync(finalPath())).toBe(false);
    } finally {
      await otherHost.close();
    }
    await expect(library(entry({ sha256: null })).pull("tiny-test")).resolves.toMatchObject({ sha256, sha256Source: "computed" });
  });

  it.each(["../victim", "..", "a/../../victim", "Upper", ".hidden", "a..b", `${"a".repeat(129)}`, "a\\b"])("refuses the id %j before it becomes a path", async (id) => {
    const victim = join(dataDir, "victim.gguf.part");
    writeFileSync(victim, "keep me");
    const models = library();
    await expect(models.remove(id)).rejects.toMatchObject({ code: "invalid_request" });
    await expect(models.pull(id, { acceptUnpinned: true })).rejects.toMatchObject({ code: "invalid_request" });
    expect(models.installedPath(id)).toBeUndefined();
    expect(readFileSync(victim, "utf8")).toBe("keep me");
    expect(server.ranges).toEqual([]);
  });

  it("refuses a catalogue whose id could escape the models folder", () => {
    expect(() => library(entry({ id: "../escape" }))).toThrow(/A model id is lower-case/);
  });

  it("ignores a manifest entry whose file name points outside the models folder", () => {
    mkdirSync(join(dataDir, "models"), { recursive: true });
    writeFileSync(join(dataDir, "victim.gguf"), "not a model");
    const forged = { version: 1, models: [{ id: "tiny-test", file: "../victim.gguf", sha256, sha256Source: "publisher", sizeBytes: 1, installedAt: "2026-01-01T00:00:00.000Z", url: server.url }] };
    writeFileSync(join(dataDir, "models", "installed.json"), JSON.stringify(forged));
    const models = library();
    expect(models.installedModels()).toEqual([]);
    expect(models.installedPath("tiny-test")).toBeUndefined();
  });

  it.each([
    ["plain HTTP to another host", "http://model-host.example/model.gguf"],
    ["another scheme", "ftp://127.0.0.1/model.gguf"],
  ])("refuses a download URL over %s without connecting", async (_what, url) => {
    const failure = await library(entry({ url })).pull("tiny-test").catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "model_download_failed", message: expect.stringContaining("not HTTPS") });
  });

  it("refuses a redirect from HTTPS down to plain HTTP", async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      const url = String(input);
      calls.push(url);
      return new Response(null, { status: 302, headers: { location: server.url } });
    };
    const failure = await library(entry({ url: "https://huggingface.co/org/repo/resolve/0123/model.gguf" }), { fetch: fakeFetch })
      .pull("tiny-test")
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "model_download_failed", message: expect.stringContaining("from HTTPS to plain HTTP") });
    expect(calls).toEqual(["https://huggingface.co/org/repo/resolve/0123/model.gguf"]);
    expect(server.ranges).toEqual([]);
  });

  it("follows HTTPS redirects itself, hop by hop", async () => {
    const seen: Array<{ url: string; redirect: RequestInit["redirect"] }> = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      const url = String(input);
      seen.push({ url, redirect: init?.redirect });
      if (url.startsWith("https://huggingface.co/")) return new Response(null, { status: 302, headers: { location: "https://cdn.example/blob?sig=1" } });
      return new Response(content, { status: 200, headers: { "content-length": String(content.length) } });
    };
    const installed = await library(entry({ url: "https://huggingface.co/org/repo/resolve/0123/model.gguf" }), { fetch: fakeFetch }).pull("tiny-test");
    expect(installed).toMatchObject({ sha256, sha256Source: "publisher" });
    expect(seen.map((call) => call.url)).toEqual(["https://huggingface.co/org/repo/resolve/0123/model.gguf", "https://cdn.example/blob?sig=1"]);
    expect(seen.every((call) => call.redirect === "manual")).toBe(true);
  });

  it("removes an installed model and its manifest entry", async () => {
    const models = library();
    await models.pull("tiny-test");
    expect(await models.remove("tiny-test")).toBe(true);
    expect(existsSync(finalPath())).toBe(false);
    expect(models.installedModels()).toEqual([]);
    expect(models.list(undefined)[0]?.installed).toBe(false);
    expect(await models.remove("tiny-test")).toBe(false);
  });
});
