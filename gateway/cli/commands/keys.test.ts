import { randomUUID } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { createKeyStore, type KeyStore } from "../../secrets/key-store.js";
import { keychainTestAvailability } from "../../secrets/keychain-test-availability.js";
import { createMemoryKeychain } from "../../secrets/memory-keychain.js";
import { createOsKeychain } from "../../secrets/os-keychain.js";
import type { CliIo } from "../cli-io.js";
import { runKeysCommand } from "./keys.js";

const secret = "sk-test-abcdefghijklmnopqrstuvwxyz012345";

interface TestRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString("utf8");
}

async function runKeys(
  argv: string[],
  options: { stdin?: Readable | string; env?: NodeJS.ProcessEnv; providerIds?: string[]; keyStore?: KeyStore } = {},
): Promise<TestRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const readStdout = collect(stdout);
  const readStderr = collect(stderr);
  const stdin = options.stdin instanceof Readable ? options.stdin : Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const io: CliIo = { stdout, stderr, stdin, env: options.env ?? {} };
  const context = { providerIds: options.providerIds ?? ["openai", "anthropic"], ...(options.keyStore ? { keyStore: options.keyStore } : {}) };
  const exitCode = await runKeysCommand(argv, io, context);
  return { exitCode, stdout: readStdout(), stderr: readStderr() };
}

function expectNoSecret(run: TestRun, value = secret): void {
  expect(run.stdout).not.toContain(value);
  expect(run.stderr).not.toContain(value);
}

function expectOneLineReason(run: TestRun, reason: string | RegExp): void {
  expect(run.exitCode).not.toBe(0);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(reason);
}

/** A terminal's stdin as far as the command can tell: isTTY and raw mode. */
function fakeTerminal(): PassThrough & { isTTY: boolean; isRaw: boolean; setRawMode(mode: boolean): void; rawModes: boolean[] } {
  const terminal = Object.assign(new PassThrough(), {
    isTTY: true,
    isRaw: false,
    rawModes: [] as boolean[],
    setRawMode(mode: boolean) {
      terminal.isRaw = mode;
      terminal.rawModes.push(mode);
    },
  });
  return terminal;
}

describe("keys command (memory keychain)", () => {
  const memoryStore = (env: NodeJS.ProcessEnv = {}): KeyStore => createKeyStore({ env, keychain: createMemoryKeychain() });

  it("sets a key read from standard input, minus one trailing newline, and never prints it", async () => {
    const keyStore = memoryStore();
    const run = await runKeys(["set", "openai"], { stdin: `${secret}\n`, keyStore });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe("Stored the key for openai in the OS keychain.\n");
    expectNoSecret(run);
    expect((await keyStore.resolve("openai"))?.value).toBe(secret);
  });

  it("accepts a Windows line ending and no line ending at all", async () => {
    const keyStore = memoryStore();
    expect((await runKeys(["set", "openai"], { stdin: `${secret}\r\n`, keyStore })).exitCode).toBe(0);
    expect((await keyStore.resolve("openai"))?.value).toBe(secret);
    expect((await runKeys(["set", "anthropic"], { stdin: "sk-no-newline", keyStore })).exitCode).toBe(0);
    expect((await keyStore.resolve("anthropic"))?.value).toBe("sk-no-newline");
  });

  it("refuses an empty value and a value with more than one line", async () => {
    const keyStore = memoryStore();
    expectOneLineReason(await runKeys(["set", "openai"], { stdin: "", keyStore }), /no key on standard input/);
    expectOneLineReason(await runKeys(["set", "openai"], { stdin: "\n", keyStore }), /no key on standard input/);
    const twoLines = await runKeys(["set", "openai"], { stdin: `${secret}\n\n`, keyStore });
    expectOneLineReason(twoLines, /line break/);
    expectNoSecret(twoLines);
    expect(await keyStore.resolve("openai")).toBeUndefined();
  });

  it("refuses a key given on the command line without printing it", async () => {
    const keyStore = memoryStore();
    const run = await runKeys(["set", "openai", secret], { stdin: "", keyStore });
    expectOneLineReason(run, /standard input, never from the command line/);
    expectNoSecret(run);
    expect(await keyStore.resolve("openai")).toBeUndefined();
  });

  it("refuses a bad provider id before reading the key, without repeating the id", async () => {
    const pasted = `${secret}/${"x".repeat(80)}`;
    const run = await runKeys(["set", pasted], { stdin: `${secret}\n`, keyStore: memoryStore() });
    expectOneLineReason(run, /provider id is not valid/);
    expectNoSecret(run, pasted);
    expectNoSecret(run);
  });

  it("rejects unknown and missing subcommands with a one-line reason", async () => {
    expectOneLineReason(await runKeys([], { keyStore: memoryStore() }), /subcommand is missing/);
    const unknown = await runKeys([secret], { keyStore: memoryStore() });
    expectOneLineReason(unknown, /unknown subcommand/);
    expectNoSecret(unknown);
    expectOneLineReason(await runKeys(["delete"], { keyStore: memoryStore() }), /exactly one provider id/);
  });

  it("lists configured and requested providers with their source and nothing else", async () => {
    const keyStore = memoryStore({ PRIVACY_ROUTER_KEY_ANTHROPIC: "sk-ant-from-environment" });
    await keyStore.set("openai", secret);
    const run = await runKeys(["list", "Mistral"], { keyStore });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe("openai  keychain\nanthropic  environment\nmistral  not set\n");
    expect(run.stderr).toBe("");
    expectNoSecret(run);
    expectNoSecret(run, "sk-ant-from-environment");
  });

  it("deletes a key, and fails when there is none", async () => {
    const keyStore = memoryStore();
    await keyStore.set("openai", secret);
    const deleted = await runKeys(["delete", "openai"], { keyStore });
    expect(deleted.exitCode).toBe(0);
    expect(deleted.stdout).toBe("Deleted the key for openai from the OS keychain.\n");
    expect(await keyStore.resolve("openai")).toBeUndefined();
    expectOneLineReason(await runKeys(["delete", "openai"], { keyStore }), /no key for openai is stored/);
  });

  it("says when the environment variable overrides the stored key", async () => {
    const keyStore = memoryStore({ PRIVACY_ROUTER_KEY_OPENAI: "sk-from-environment" });
    const run = await runKeys(["set", "openai"], { stdin: secret, keyStore });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain("PRIVACY_ROUTER_KEY_OPENAI is set in this environment and overrides the keychain");
    expectNoSecret(run);
    expectNoSecret(run, "sk-from-environment");
  });

  it("without a keychain, says so and suggests the environment variable", async () => {
    const keyStore = createKeyStore({ env: {}, keychain: createMemoryKeychain({ failWith: "no secret service provider or dbus session found" }) });
    const run = await runKeys(["set", "openai"], { stdin: secret, keyStore });
    expectOneLineReason(run, /OS keychain could not store the key.*Secret Service.*PRIVACY_ROUTER_KEY_OPENAI/);
    expectNoSecret(run);
  });

  it("fails with a one-line reason when standard input cannot be read", async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error("EBADF: bad file descriptor"));
      },
    });
    expectOneLineReason(await runKeys(["set", "openai"], { stdin: broken, keyStore: memoryStore() }), /standard input could not be read/);
  });

  it("prompts on a terminal and reads the key without echo", async () => {
    const keyStore = memoryStore();
    const terminal = fakeTerminal();
    const running = runKeys(["set", "openai"], { stdin: terminal, keyStore });
    // Typed: the key with one wrong character erased by backspace, then Enter.
    terminal.write(`${secret}X\u007f\r`);
    const run = await running;
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain("API key for openai (input hidden): ");
    expectNoSecret(run);
    expect(terminal.rawModes).toEqual([true, false]);
    expect((await keyStore.resolve("openai"))?.value).toBe(secret);
  });

  it("stores nothing when the prompt is cancelled with Ctrl-C", async () => {
    const keyStore = memoryStore();
    const terminal = fakeTerminal();
    const running = runKeys(["set", "openai"], { stdin: terminal, keyStore });
    terminal.write("sk-half\u0003");
    const run = await running;
    expect(run.exitCode).toBe(130);
    expect(run.stderr).toBe("API key for openai (input hidden): \nprivacy-router keys: cancelled; nothing was stored.\n");
    expect(terminal.rawModes).toEqual([true, false]);
    expect(await keyStore.resolve("openai")).toBeUndefined();
  });
});

const keychain = keychainTestAvailability();
const testService = `privacy-router-test-${randomUUID()}`;

if (keychain.run) {
  describe("keys command against the OS keychain", () => {
    const env: NodeJS.ProcessEnv = { PRIVACY_ROUTER_KEYCHAIN_SERVICE: testService };
    const providerIds = ["keys-command-test", "keys-command-other"];

    afterAll(async () => {
      const osKeychain = createOsKeychain();
      for (const providerId of providerIds) await osKeychain.delete(testService, providerId);
    });

    it("sets a key from standard input, lists it as keychain, and deletes it", async () => {
      const set = await runKeys(["set", "keys-command-test"], { stdin: `${secret}\n`, env, providerIds });
      expect(set.exitCode).toBe(0);
      expectNoSecret(set);
      expect(await createOsKeychain().get(testService, "keys-command-test")).toBe(secret);

      const listed = await runKeys(["list"], { env, providerIds });
      expect(listed.exitCode).toBe(0);
      expect(listed.stdout).toBe("keys-command-test  keychain\nkeys-command-other  not set\n");
      expectNoSecret(listed);

      const deleted = await runKeys(["delete", "keys-command-test"], { env, providerIds });
      expect(deleted.exitCode).toBe(0);
      expectNoSecret(deleted);
      expect(await createOsKeychain().get(testService, "keys-command-test")).toBeUndefined();
      expect((await runKeys(["list"], { env, providerIds })).stdout).toBe("keys-command-test  not set\nkeys-command-other  not set\n");
    });

    it("refuses a bad provider id and an empty value with a clear one-line reason", async () => {
      expectOneLineReason(await runKeys(["set", "../etc"], { stdin: secret, env, providerIds }), /provider id is not valid/);
      expectOneLineReason(await runKeys(["set", "keys-command-other"], { stdin: "", env, providerIds }), /no key on standard input/);
      expect(await createOsKeychain().get(testService, "keys-command-other")).toBeUndefined();
    });
  });
} else if (keychain.mustFail) {
  it("has an OS keychain in CI", () => {
    expect.fail(`CI is set, but ${keychain.reason}`);
  });
} else {
  console.warn(`OS keychain tests skipped: ${keychain.reason}`);
  it.skip(`keys command against the OS keychain (skipped: ${keychain.reason})`, () => {});
}
