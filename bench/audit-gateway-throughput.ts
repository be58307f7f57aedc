import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { stringify } from "yaml";
import { headAccount } from "../gateway/audit/keychain-anchor.js";
import { signingKeyAccount } from "../gateway/audit/audit-key-store.js";
import { createOsKeychain } from "../gateway/secrets/os-keychain.js";
import { repositoryRoot } from "./repository-root.js";

export interface GatewayThroughput {
  requests: number;
  concurrency: number;
  seconds: number;
  answersPerSecond: number;
  records: number;
  /** Records written per second, from the first to the last record's own timestamp. */
  recordsPerSecond: number;
  latencyMilliseconds: { p50: number; p99: number };
}

/**
 * Records written per second under load: the real `privacy-router serve` in its own process,
 * an upstream that answers at once, and `concurrency` keep-alive clients sending requests that
 * carry an e-mail address (so every request is classified, pseudonymized, restored and
 * recorded). Afterwards the trail is read back: every answer must have its record.
 */
export async function measureGatewayThroughput(options: { requests: number; concurrency: number }): Promise<GatewayThroughput> {
  const upstream = await startInstantUpstream();
  const dataDir = mkdtempSync(join(tmpdir(), "privacy-router-audit-load-"));
  writeFileSync(join(dataDir, "config.yaml"), stringify({ providers: [{ id: "bench", kind: "openai-compatible", baseUrl: `${upstream.url}/v1`, models: ["bench-model"] }] }));
  const env = { ...process.env, PRIVACY_ROUTER_HOME: dataDir, PRIVACY_ROUTER_KEY_BENCH: "sk-bench-0123456789abcdef0123", PRIVACY_ROUTER_KEYCHAIN_SERVICE: `privacy-router-bench-${process.pid}` };
  const child = spawn(process.execPath, [join(repositoryRoot(), "bin", "privacy-router.js"), "serve", "--port", "0"], { env, stdio: ["ignore", "pipe", "ignore"] });
  try {
    const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const endpoint = /endpoint at (http:\/\/\S+)\/v1/.exec(output)?.[1];
        const token = /^\s+(prt_\S+)$/m.exec(output)?.[1];
        if (endpoint && token) {
          // Keep reading: a full pipe would block the gateway's writes.
          child.stdout.resume();
          resolve({ url: endpoint, token });
        }
      });
      child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
    const body = JSON.stringify({ model: "bench/bench-model", messages: [{ role: "user", content: "Please write back to ada.lovelace@example.org about the contract." }] });
    const latencies: number[] = [];
    let sent = 0;
    const client = async (): Promise<void> => {
      while (sent < options.requests) {
        sent += 1;
        const started = performance.now();
        const status = await post(agent, `${url}/v1/chat/completions`, token, body);
        if (status !== 200) throw new Error(`the gateway answered ${status}`);
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.concurrency }, client));
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    child.kill("SIGTERM");
    await once(child, "exit");

    const database = new Database(join(dataDir, "privacy-router.sqlite"), { readonly: true });
    const span = database.prepare("SELECT COUNT(*) AS records, MIN(recorded_at) AS first, MAX(recorded_at) AS last FROM audit_records WHERE kind = 'request'").get() as { records: number; first: string; last: string };
    const chainId = database.prepare("SELECT chain_id FROM audit_chain").pluck().get() as string;
    database.close();
    // Where a keychain was there, leave nothing in it.
    const keychain = createOsKeychain();
    for (const account of [signingKeyAccount(chainId), headAccount(chainId)]) await keychain.delete(env.PRIVACY_ROUTER_KEYCHAIN_SERVICE, account).catch(() => false);
    latencies.sort((a, b) => a - b);
    const spanSeconds = Math.max(0.001, (Date.parse(span.last) - Date.parse(span.first)) / 1000);
    return {
      requests: options.requests,
      concurrency: options.concurrency,
      seconds: Math.round(seconds * 100) / 100,
      answersPerSecond: Math.round(options.requests / seconds),
      records: span.records,
      recordsPerSecond: Math.round((span.records - 1) / spanSeconds),
      latencyMilliseconds: { p50: round(latencies[Math.floor(latencies.length * 0.5)] ?? 0), p99: round(latencies[Math.floor(latencies.length * 0.99)] ?? 0) },
    };
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    await upstream.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function post(agent: Agent, url: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: "POST", agent, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (incoming) => {
      incoming.resume();
      incoming.on("end", () => resolve(incoming.statusCode ?? 0));
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** An OpenAI-compatible upstream that answers every (streamed) request at once, in one write. */
async function startInstantUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((incoming, outgoing) => {
    let text = "";
    incoming.on("data", (chunk: Buffer) => (text += chunk.toString()));
    incoming.on("end", () => {
      const model = (JSON.parse(text) as { model: string }).model;
      const chunk = (value: unknown): string => `data: ${JSON.stringify(value)}\n\n`;
      outgoing.writeHead(200, { "content-type": "text/event-stream" });
      outgoing.end(
        chunk({ model, choices: [{ index: 0, delta: { role: "assistant", content: "Noted, I will write to [EMAIL_1]." }, finish_reason: null }] }) +
          chunk({ model, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }) +
          chunk({ model, choices: [], usage: { prompt_tokens: 20, completion_tokens: 9 } }) +
          "data: [DONE]\n\n",
      );
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
