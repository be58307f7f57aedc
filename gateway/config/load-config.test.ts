import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load-config.js";

function withConfig(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "pr-config-"));
  writeFileSync(join(dir, "config.yaml"), text);
  return dir;
}

describe("loadConfig", () => {
  it("uses strict defaults when no config file exists", () => {
    const { config, path } = loadConfig(mkdtempSync(join(tmpdir(), "pr-empty-")));
    expect(path).toBeUndefined();
    expect(config.server).toMatchObject({ host: "127.0.0.1", port: 8484 });
    expect(config.providers).toEqual([]);
  });

  it("names the field and says what is expected", () => {
    const dir = withConfig("server:\n  port: eighty\nproviders:\n  - id: acme\n    kind: openai-compatible\n    baseUrl: not a url\n    models: [m]\n    colour: blue\n");
    let message = "";
    try {
      loadConfig(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain("server.port: Invalid input: expected number");
    expect(message).toContain("providers[0].baseUrl: an http(s) URL");
    expect(message).toContain("providers[0]: unknown key(s) `colour`");
  });

  it("reports YAML syntax errors with the line", () => {
    expect(() => loadConfig(withConfig("server:\n  port: [8484\n"))).toThrow(/line \d+.*not valid YAML/);
  });

  it("refuses duplicate provider ids and reserved ids", () => {
    const base = "    kind: openai-compatible\n    baseUrl: http://127.0.0.1:9/v1\n    models: [m]\n";
    expect(() => loadConfig(withConfig(`providers:\n  - id: a\n${base}  - id: a\n${base}`))).toThrow(/used twice/);
    expect(() => loadConfig(withConfig(`providers:\n  - id: local\n${base}`))).toThrow(/reserved/);
  });

  it("resolves a relative local model path beside the config file", () => {
    const dir = withConfig("local:\n  model: models/tiny.gguf\n");
    expect(loadConfig(dir).config.local.model).toBe(join(dir, "models", "tiny.gguf"));
  });
});
