import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultLocalModelId, pullDefaultModelCommand } from "../../shared/local-models.js";
import { parseConfigText } from "../config/load-config.js";
import { checkLocalModel } from "./check-local-model.js";

let dataDir: string;
const never = new AbortController().signal;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "pr-check-model-"));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const check = (yaml: string) => checkLocalModel(parseConfigText(yaml, join(dataDir, "config.yaml")), dataDir, never);

describe("doctor's local model check", () => {
  it("warns when there is none yet, with the command that gets one", async () => {
    expect(await check("")).toEqual({ state: "warn", text: expect.stringContaining(pullDefaultModelCommand) as string });
  });

  it("fails for a catalogue model that is not downloaded, saying how to get it", async () => {
    expect(await check(`local:\n  model: ${defaultLocalModelId}\n`)).toEqual({ state: "FAIL", text: `local model: ${defaultLocalModelId} is not downloaded yet (run \`privacy-router models pull ${defaultLocalModelId}\`)` });
    expect((await check("local:\n  model: no-such-model\n")).text).toMatch(/neither a GGUF file nor a catalogue id/);
  });

  it("names a local server as on this device", async () => {
    const result = await check("local:\n  server:\n    baseUrl: http://localhost:1234/v1\n    model: qwen2.5-0.5b-instruct\n");
    expect(result).toEqual({ state: "ok", text: "local model: qwen2.5-0.5b-instruct served by http://localhost:1234/v1 (a local server, on this device)" });
  });
});
