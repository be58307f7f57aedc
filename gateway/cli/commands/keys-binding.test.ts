import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createKeyStore } from "../../secrets/key-store.js";
import { createMemoryKeychain } from "../../secrets/memory-keychain.js";
import type { CliIo } from "../cli-io.js";
import { runKeysCommand } from "./keys.js";

const secret = "sk-clibinding-abcdefghijklmnopqrstuvwxyz";

async function run(argv: string[], stdin: string, context: Parameters<typeof runKeysCommand>[2]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let error = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  stderr.on("data", (chunk: Buffer) => (error += chunk.toString("utf8")));
  const io: CliIo = { stdout, stderr, stdin: Readable.from([Buffer.from(stdin)]), env: {} };
  const exitCode = await runKeysCommand(argv, io, context);
  return { exitCode, stdout: out, stderr: error };
}

describe("keys set and list with key binding", () => {
  it("binds a key to the configured address and lists a key set for another one", async () => {
    const keyStore = createKeyStore({ env: {}, keychain: createMemoryKeychain() });
    const atStart = new Map([["openai", "https://api.openai.com/v1"]]);
    const set = await run(["set", "openai"], `${secret}\n`, { providerIds: ["openai"], providerBaseUrls: atStart, keyStore });
    expect(set.exitCode).toBe(0);
    expect(set.stdout).toContain("for https://api.openai.com");
    expect(await keyStore.resolve("openai")).toMatchObject({ value: secret, boundOrigin: "https://api.openai.com" });

    expect((await run(["list"], "", { providerIds: ["openai"], providerBaseUrls: atStart, keyStore })).stdout).toBe("openai  keychain\n");
    const moved = await run(["list"], "", { providerIds: ["openai"], providerBaseUrls: new Map([["openai", "https://proxy.example.org/v1"]]), keyStore });
    expect(moved.stdout).toContain("configured for another address (https://api.openai.com; the provider is at https://proxy.example.org");
    expect(moved.stdout).not.toContain(secret);
  });
});
