import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { createOsKeychain } from "../../gateway/secrets/os-keychain.js";
import { keychainTestAvailability } from "../../gateway/secrets/keychain-test-availability.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { assertBuilt, runCli, startServeCli } from "../support/run-cli.js";

const keychain = keychainTestAvailability();
const keychainService = `privacy-router-test-${randomUUID()}`;
const providerKey = `sk-cli-${randomUUID().replaceAll("-", "")}`;

let dataDir: string;
let provider: FakeOpenAIProvider;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  assertBuilt();
  dataDir = mkdtempSync(join(tmpdir(), "pr-cli-"));
  provider = await startFakeOpenAIProvider({ scenario: { kind: "echo", prefix: "echo: " } });
  writeFileSync(
    join(dataDir, "config.yaml"),
    stringify({ providers: [{ id: "fake", kind: "openai-compatible", baseUrl: provider.baseUrl, models: ["fake-model"] }] }),
  );
  env = { PRIVACY_ROUTER_HOME: dataDir, PRIVACY_ROUTER_KEYCHAIN_SERVICE: keychainService };
  if (!keychain.run) env.PRIVACY_ROUTER_KEY_FAKE = providerKey;
});

afterAll(async () => {
  if (keychain.run) await createOsKeychain().delete(keychainService, "fake");
  await provider?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the privacy-router command, as a user runs it", () => {
  it("prints usage and exits non-zero for an unknown command", async () => {
    const result = await runCli(["frobnicate"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command `frobnicate`");
  });

  it("reports a broken config file in one line per field, without starting", async () => {
    const brokenDir = mkdtempSync(join(tmpdir(), "pr-cli-broken-"));
    writeFileSync(join(brokenDir, "config.yaml"), "server:\n  port: high\n");
    const result = await runCli(["serve", "--data-dir", brokenDir], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/server\.port: .*expected number/);
    rmSync(brokenDir, { recursive: true, force: true });
  });

  it("creates, lists and revokes client tokens, printing only hashes' owners", async () => {
    const created = await runCli(["tokens", "create", "ci", "--json"], { env });
    expect(created.code).toBe(0);
    const { name, token } = JSON.parse(created.stdout) as { name: string; token: string };
    expect(name).toBe("ci");
    expect(token).toMatch(/^prt_[A-Za-z0-9_-]{43}$/);
    const duplicate = await runCli(["tokens", "create", "ci"], { env });
    expect(duplicate.code).toBe(1);
    const listed = await runCli(["tokens", "list"], { env });
    expect(listed.stdout).toContain("ci\tclient");
    expect(listed.stdout).not.toContain(token);
    expect((await runCli(["tokens", "revoke", "ci"], { env })).code).toBe(0);
    expect((await runCli(["tokens", "revoke", "ci"], { env })).code).toBe(1);
  });

  it("finds secrets and emails with scan", async () => {
    const text = "mail ada@example.com with key AKIAIOSFODNN7EXAMPLE";
    const result = await runCli(["scan", "--json"], { env, input: text });
    const { findings } = JSON.parse(result.stdout) as { findings: Array<{ start: number; end: number; type: string }> };
    expect(findings.map((finding) => [finding.type, text.slice(finding.start, finding.end)])).toEqual([
      ["EMAIL", "ada@example.com"],
      ["SECRET", "AKIAIOSFODNN7EXAMPLE"],
    ]);
    const lines = await runCli(["scan", "--jsonl"], { env, input: `${JSON.stringify({ id: "a", text: "x@y.io" })}\n${JSON.stringify({ id: 2, text: "none" })}\n` });
    expect(lines.stdout.trim().split("\n").map((line) => JSON.parse(line))).toEqual([
      { id: "a", findings: [{ start: 0, end: 6, type: "EMAIL", score: expect.any(Number), detector: expect.stringMatching(/^email/) }] },
      { id: 2, findings: [] },
    ]);
  });

  it("explains a request without sending it: findings, decision, reasons and the exact body", async () => {
    const before = provider.connections;
    const explained = await runCli(["explain", "--json", "--model", "fake/fake-model"], { env, input: "Summarise the thread with eve@example.com" });
    expect(explained.code).toBe(0);
    const result = JSON.parse(explained.stdout) as { decision: { route: string; action: string }; outbound: { url: string; body: { messages: Array<{ content: string }> } } };
    expect(result.decision).toMatchObject({ route: "cloud", action: "pseudonymize" });
    expect(result.outbound.url).toBe(`${provider.baseUrl}/chat/completions`);
    expect(result.outbound.body.messages[0]?.content).toMatch(/^Summarise the thread with \[EMAIL_\d{4}\]$/);
    const batch = await runCli(["explain", "--jsonl"], { env, input: `${JSON.stringify({ id: "q1", text: "What is 2+2?" })}\n${JSON.stringify({ id: "q2", text: "key AKIAIOSFODNN7EXAMPLE" })}\n` });
    const lines = batch.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => Object.keys(line))).toEqual([["id", "route", "action", "difficulty", "reasons"], ["id", "route", "action", "difficulty", "reasons"]]);
    expect(lines[1]).toMatchObject({ id: "q2", action: "local-only" });
    expect(typeof lines[0]?.difficulty).toBe("number");
    expect(provider.connections).toBe(before);
  });

  it("doctor says where each key comes from, never the key, and fails on what needs fixing", async () => {
    const withKey = await runCli(["doctor"], { env: { ...env, PRIVACY_ROUTER_KEY_FAKE: providerKey } });
    expect(withKey.stdout).toMatch(/ok +provider fake: key from the environment \(PRIVACY_ROUTER_KEY_FAKE\)/);
    expect(withKey.stdout + withKey.stderr).not.toContain(providerKey);
    const brokenModel = mkdtempSync(join(tmpdir(), "pr-cli-doctor-"));
    writeFileSync(join(brokenModel, "config.yaml"), "local:\n  model: not-a-model.gguf\n");
    writeFileSync(join(brokenModel, "not-a-model.gguf"), "this is not a GGUF file");
    const failing = await runCli(["doctor", "--data-dir", brokenModel], { env });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/FAIL +local model: .*not-a-model\.gguf cannot be used/);
    rmSync(brokenModel, { recursive: true, force: true });
  });

  it("switches local-only mode on and off", async () => {
    expect((await runCli(["local-only", "status"], { env })).stdout.trim()).toBe("off");
    expect((await runCli(["local-only", "on"], { env })).code).toBe(0);
    expect((await runCli(["local-only", "status"], { env })).stdout.trim()).toBe("on");
    const explained = await runCli(["explain", "--json", "--model", "fake/fake-model"], { env, input: "hello" });
    expect((JSON.parse(explained.stdout) as { decision: { route: string } }).decision.route).toBe("blocked");
    expect((await runCli(["local-only", "off"], { env })).code).toBe(0);
    expect((await runCli(["local-only", "status"], { env })).stdout.trim()).toBe("off");
  });

  it.runIf(keychain.run)("stores a provider key from stdin in the OS keychain and never prints it", async () => {
    const result = await runCli(["keys", "set", "fake"], { env, input: `${providerKey}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(providerKey);
    const listed = await runCli(["keys", "list"], { env });
    expect(listed.stdout).toMatch(/fake\s+keychain/);
    expect(listed.stdout + listed.stderr).not.toContain(providerKey);
  });

  it("serves: prints the endpoint and a first-run token, answers the SDK, refuses a second gateway, stops on SIGTERM", async () => {
    // A data directory that has never had a token, as on a user's first run.
    const freshDir = mkdtempSync(join(tmpdir(), "pr-cli-fresh-"));
    writeFileSync(join(freshDir, "config.yaml"), readFileSync(join(dataDir, "config.yaml")));
    const serveEnv = { ...env, PRIVACY_ROUTER_HOME: freshDir };
    const serving = await startServeCli(["--port", "0"], { env: serveEnv });
    try {
      const token = /^\s+(prt_[A-Za-z0-9_-]{43})$/m.exec(serving.stdout())?.[1];
      expect(token, serving.stdout()).toBeDefined();
      const client = new OpenAI({ baseURL: `${serving.url}/v1`, apiKey: token as string, maxRetries: 0 });
      const answer = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hello from bea@example.com" }] });
      expect(answer.choices[0]?.message.content).toBe("echo: hello from bea@example.com");
      const received = provider.received.at(-1);
      expect(received?.headers.authorization).toBe(`Bearer ${providerKey}`);
      expect(received?.body).not.toContain("bea@example.com");

      const second = await runCli(["serve", "--port", "0"], { env: serveEnv });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`process ${serving.child.pid}`);
    } finally {
      expect(await serving.stop()).toBe(0);
    }
    expect(serving.stdout() + serving.stderr()).not.toContain(providerKey);
    for (const file of readdirSync(freshDir)) {
      expect(readFileSync(join(freshDir, file)).includes(providerKey), file).toBe(false);
    }
    // The first-run token is printed once: a second start prints none.
    const again = await startServeCli(["--port", "0"], { env: serveEnv });
    expect(again.stdout()).not.toMatch(/prt_/);
    expect(await again.stop()).toBe(0);
    rmSync(freshDir, { recursive: true, force: true });
  });
});
