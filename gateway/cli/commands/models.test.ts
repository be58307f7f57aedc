import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultLocalModelId, type CatalogueModel } from "../../../shared/local-models.js";
import { modelCatalogue } from "../../../models/catalogue.js";
import { startFakeModelServer, type FakeModelServer } from "../../../test/fakes/fake-model-server.js";
import { createTinyTestModel, type TinyTestModel } from "../../../test/fixtures/tiny-test-model.js";
import { ModelLibrary } from "../../models/model-library.js";
import { commandContext } from "../command-context.js";
import { main } from "../main.js";
import { runModelsCommand } from "./models.js";

let tiny: TinyTestModel;
let server: FakeModelServer;
let dataDir: string;
let entry: CatalogueModel;

beforeAll(async () => {
  tiny = await createTinyTestModel("cli-served.gguf");
  server = await startFakeModelServer(await readFile(tiny.path));
  // Unpinned on purpose: the tiny model has no published hash, like a catalogue entry without one.
  entry = { ...(modelCatalogue[0] as CatalogueModel), id: "tiny-test", name: "Tiny test model", url: server.url, sizeBytes: 1, sha256: null };
});

afterAll(async () => {
  await server.close();
  await tiny.remove();
});

beforeEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = mkdtempSync(join(tmpdir(), "pr-models-cli-"));
  server.mode = "normal";
});

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  const io = { stdout, stderr, stdin: new PassThrough(), env: { PRIVACY_ROUTER_HOME: dataDir } };
  return { io, out: () => out, err: () => err };
}

async function run(argv: string[], model: CatalogueModel = entry) {
  const streams = capture();
  const library = new ModelLibrary({ dataDir, catalogue: [model] });
  const code = await runModelsCommand(argv, commandContext(streams.io, { dataDir, config: undefined }), library);
  return { code, stdout: streams.out(), stderr: streams.err() };
}

describe("privacy-router models", () => {
  it("lists the real catalogue as JSON in the contract's shape, the default model included, nothing installed", async () => {
    const streams = capture();
    const code = await main(["models", "list", "--json", "--data-dir", dataDir], streams.io);
    expect(code).toBe(0);
    const entries = JSON.parse(streams.out()) as Array<Record<string, unknown>>;
    expect(entries.length).toBe(modelCatalogue.length);
    for (const listed of entries) {
      expect(Object.keys(listed).sort()).toEqual(["id", "installed", "name", "sha256", "sizeBytes"]);
      expect(listed.installed).toBe(false);
      expect(typeof listed.sizeBytes).toBe("number");
      expect(listed.sha256 === null || /^[0-9a-f]{64}$/.test(String(listed.sha256))).toBe(true);
    }
    expect(entries.map((listed) => listed.id)).toContain(defaultLocalModelId);
  });

  it("pulls with progress on stderr, prints the hash, lists it installed, then removes it", async () => {
    writeFileSync(join(dataDir, "config.yaml"), "local:\n  model: tiny-test\n");
    const pulled = await run(["pull", "tiny-test", "--accept-unpinned"]);
    expect(pulled.code).toBe(0);
    expect(pulled.stderr).toMatch(/no pinned SHA-256; downloading it unverified because of --accept-unpinned/);
    expect(pulled.stderr).toMatch(/Downloading Tiny test model/);
    expect(pulled.stderr).toMatch(/100% .* of /);
    expect(pulled.stdout).toMatch(/Installed tiny-test: .*tiny-test\.gguf/);
    expect(pulled.stdout).toMatch(/sha256 [0-9a-f]{64} \(recorded on this first download/);
    expect(pulled.stdout).not.toMatch(/To use it/);

    const listed = await run(["list", "--json"]);
    const [only] = JSON.parse(listed.stdout) as Array<{ id: string; installed: boolean; sha256: string; sizeBytes: number }>;
    expect(only).toMatchObject({ id: "tiny-test", installed: true });
    expect(only?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(only?.sizeBytes).toBeGreaterThan(1);
    expect((await run(["list"])).stdout).toMatch(/tiny-test .* installed .*\(default, active\)/);

    const removed = await run(["remove", "tiny-test"]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/Removed tiny-test/);
    expect(removed.stdout).toMatch(/local\.model still names tiny-test/);
    expect(existsSync(join(dataDir, "models", "tiny-test.gguf"))).toBe(false);
    expect((await run(["remove", "tiny-test"])).code).toBe(1);
  });

  it("fails with a one-line reason and a non-zero status when the download fails", async () => {
    server.mode = "not-found";
    const streams = capture();
    const library = new ModelLibrary({ dataDir, catalogue: [entry] });
    // Through main, so the error path is the one users see.
    const code = await main(["models", "pull", "tiny-test", "--data-dir", dataDir], streams.io).catch(() => -1);
    expect(code).toBe(1);
    expect(streams.err().trim().split("\n").at(-1)).toMatch(/^privacy-router: .*(not in the model catalogue|HTTP 404)/);
    const direct = await runModelsCommand(["pull", "tiny-test", "--accept-unpinned"], commandContext(capture().io, { dataDir, config: undefined }), library).catch((error: Error) => error);
    expect((direct as Error).message).toMatch(/answered HTTP 404/);
  });

  it("refuses an unpinned model unless --accept-unpinned, then holds every later download to the recorded hash", async () => {
    server.ranges.length = 0;
    const refused = await run(["pull", "tiny-test"]).catch((error: Error & { code?: string }) => error);
    expect(refused).toMatchObject({ code: "model_unpinned" });
    expect((refused as Error).message).toMatch(/no pinned SHA-256 for `tiny-test`.*--accept-unpinned/);
    expect(server.ranges).toEqual([]);
    expect(existsSync(join(dataDir, "models", "tiny-test.gguf"))).toBe(false);

    const first = await run(["pull", "tiny-test", "--accept-unpinned"]);
    const recorded = /sha256 ([0-9a-f]{64})/.exec(first.stdout)?.[1];
    expect(recorded).toMatch(/^[0-9a-f]{64}$/);
    expect((await run(["remove", "tiny-test"])).code).toBe(0);

    // The host now serves other bytes under the same id: the recorded hash refuses them.
    const original = await readFile(tiny.path);
    const changed = Buffer.from(original);
    changed[changed.length - 1] = (changed.at(-1) ?? 0) ^ 0xff;
    const otherHost = await startFakeModelServer(changed);
    try {
      const swapped = await run(["pull", "tiny-test"], { ...entry, url: otherHost.url }).catch((error: Error & { code?: string }) => error);
      expect(swapped).toMatchObject({ code: "model_verification_failed" });
      expect((swapped as Error).message).toContain(recorded);
      expect(existsSync(join(dataDir, "models", "tiny-test.gguf"))).toBe(false);
    } finally {
      await otherHost.close();
    }
    const again = await run(["pull", "tiny-test"]);
    expect(again.stdout).toMatch(/matches the hash recorded on its first download/);
  });

  it("refuses ids that would leave the models folder, through the CLI, and touches no file", async () => {
    const victim = join(dataDir, "victim.gguf.part");
    writeFileSync(victim, "keep me");
    for (const argv of [["models", "remove", "../victim"], ["models", "pull", "../victim", "--accept-unpinned"], ["models", "remove", ".."], ["models", "remove", "Tiny/../../victim"]]) {
      const streams = capture();
      expect(await main([...argv, "--data-dir", dataDir], streams.io)).toBe(1);
      expect(streams.err()).toMatch(/A model id is lower-case letters/);
    }
    expect(existsSync(victim)).toBe(true);
  });

  it("refuses a wrong command line with usage", async () => {
    const streams = capture();
    expect(await main(["models", "pull", "--data-dir", dataDir], streams.io)).toBe(2);
    expect(streams.err()).toMatch(/models pull needs a model id/);
  });
});
