import { createHash } from "node:crypto";
import { request } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditQueries } from "../../gateway/audit/audit-queries.js";
import { readHeadFile } from "../../gateway/audit/head-file.js";
import { databaseFileName, openDatabaseForReading } from "../../gateway/audit/open-database.js";
import { readPolicyVersion } from "../../gateway/audit/policy-versions.js";
import { verifyTrail } from "../../gateway/audit/verify-trail.js";
import type { Receipt } from "../../shared/receipt.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

const providerKey = "sk-auditprovider-0123456789abcdefABCDEF";
const email = "ada.lovelace@example.org";
const awsKey = "AKIAZ7Q3XJ5LMN2PQRST";

let provider: FakeOpenAIProvider;
let harness: TestGateway;
let client: OpenAI;

function providerConfig(baseUrl: string) {
  return {
    id: "fake",
    kind: "openai-compatible",
    baseUrl,
    models: [{ id: "fake-model", inputPerMillion: 2, outputPerMillion: 8 }],
    dataPolicy: { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" },
  };
}

beforeAll(async () => {
  provider = await startFakeOpenAIProvider({ seed: 3, maxWriteBytes: 23 });
  harness = await startTestGateway({
    config: { server: { upstreamTimeoutMs: 2000 }, providers: [providerConfig(provider.baseUrl)] },
    env: { PRIVACY_ROUTER_KEY_FAKE: providerKey },
  });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
});

afterAll(async () => {
  await harness?.close();
  await provider?.close();
});

/** Reads the trail as the audit view does: a second, read-only connection. */
function recordOf(gateway: TestGateway, requestId: string | null | undefined): Receipt {
  const database = openDatabaseForReading(join(gateway.dataDir, databaseFileName));
  try {
    const item = new AuditQueries(database).get(String(requestId));
    if (!item) throw new Error(`no record for ${requestId}`);
    return item.receipt;
  } finally {
    database.close();
  }
}

async function eventually<T>(read: () => T): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return read();
    } catch (error) {
      if (attempt > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

describe("a provenance receipt for every request", () => {
  it("records an answered cloud request: who answered, under which terms and policy, what was replaced, and the hash of what left", async () => {
    provider.setScenario({ kind: "echo", prefix: "You wrote: " });
    const { data, response } = await client.chat.completions
      .create({ model: "fake/fake-model", messages: [{ role: "user", content: `Write to ${email} please.` }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe(`You wrote: Write to ${email} please.`);
    const receipt = recordOf(harness, response.headers.get("x-privacy-router-request-id"));
    const sent = provider.received.at(-1)!.body;
    expect(receipt).toMatchObject({
      receiptVersion: 1,
      client: "test-client",
      endpoint: "/v1/chat/completions",
      stream: false,
      requestedModel: "fake/fake-model",
      status: "completed",
      httpStatus: 200,
      errorCode: null,
      route: "cloud",
      action: "pseudonymize",
      provider: "fake",
      model: "fake-model",
      dataTerms: { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" },
      policyVersion: response.headers.get("x-privacy-router-policy"),
      findings: { EMAIL: 1 },
      responseFindings: { EMAIL: 1 },
      redactions: 1,
      restored: 1,
      outboundSha256: sha256(sent),
      content: { level: "metadata", sha256: null, expiresAt: null },
    });
    expect(receipt.classes).toContain("personal");
    expect(receipt.detectors.length).toBeGreaterThan(0);
    expect(receipt.attempts).toEqual([{ provider: "fake", model: "fake-model", outcome: "answered", errorCode: null, upstreamStatus: null, detail: null, latencyMs: expect.any(Number), outboundSha256: sha256(sent) }]);
    expect(receipt.tokens?.prompt).toBeGreaterThan(0);
    expect(receipt.costUsd).toBeCloseTo((receipt.tokens!.prompt * 2 + receipt.tokens!.completion * 8) / 1_000_000, 9);
    expect(receipt.latencyMs.total).toBeGreaterThan(0);
    expect(receipt.latencyMs.upstream).toBeGreaterThan(0);
    expect(receipt.latencyMs.detection).toBeGreaterThanOrEqual(0);
  });

  it("writes a stream's record before the client sees its last frames", async () => {
    provider.setScenario({ kind: "text", text: "A streamed answer in several pieces." });
    const body = JSON.stringify({ model: "fake/fake-model", messages: [{ role: "user", content: "Stream please." }], stream: true });
    const seenAtFinish = await new Promise<{ requestId: string; receipt: Receipt | undefined }>((resolve, reject) => {
      const outgoing = request(
        { host: "127.0.0.1", port: harness.gateway.port, method: "POST", path: "/v1/chat/completions", headers: { host: `127.0.0.1:${harness.gateway.port}`, authorization: `Bearer ${harness.token}`, "content-type": "application/json" } },
        (incoming) => {
          const requestId = String(incoming.headers["x-privacy-router-request-id"]);
          let text = "";
          let checked = false;
          incoming.on("data", (chunk: Buffer) => {
            text += chunk.toString("utf8");
            // The first byte of the ending (the finish reason): the record must already be there.
            if (!checked && text.includes('"finish_reason":"stop"')) {
              checked = true;
              let receipt: Receipt | undefined;
              try {
                receipt = recordOf(harness, requestId);
              } catch {
                receipt = undefined;
              }
              incoming.resume();
              incoming.on("end", () => resolve({ requestId, receipt }));
            }
          });
          incoming.on("error", reject);
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body);
    });
    expect(seenAtFinish.receipt).toMatchObject({ requestId: seenAtFinish.requestId, status: "completed", stream: true, route: "cloud" });
  });

  it("records refusals, policy blocks, upstream failures and abandoned streams", async () => {
    const unknown = await client.chat.completions.create({ model: "nope", messages: [{ role: "user", content: "hi" }] }).withResponse().catch((error: unknown) => error);
    const unknownId = (unknown as InstanceType<typeof OpenAI.APIError>).headers?.get("x-privacy-router-request-id");
    expect(recordOf(harness, unknownId)).toMatchObject({ status: "rejected", httpStatus: 404, errorCode: "model_not_found", requestedModel: "nope", route: "blocked", provider: "none", attempts: [] });

    // A model name that is really data is not copied into the record.
    const pasted = await client.chat.completions.create({ model: `fake/${email}`, messages: [{ role: "user", content: "hi" }] }).catch((error: unknown) => error);
    const pastedId = (pasted as InstanceType<typeof OpenAI.APIError>).headers?.get("x-privacy-router-request-id") ?? null;
    if (pastedId) expect(recordOf(harness, pastedId).requestedModel).toBeNull();

    const blocked = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: `my key is ${awsKey}` }] }).catch((error: unknown) => error);
    const blockedId = (blocked as InstanceType<typeof OpenAI.APIError>).headers?.get("x-privacy-router-request-id");
    expect(recordOf(harness, blockedId)).toMatchObject({ status: "blocked", httpStatus: 403, errorCode: "policy_blocked", route: "blocked", findings: { SECRET: 1 }, attempts: [], outboundSha256: null, costUsd: 0 });

    provider.setScenario({ kind: "error-status", status: 400, message: "bad request upstream" });
    const failed = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hi" }] }).catch((error: unknown) => error);
    const failedId = (failed as InstanceType<typeof OpenAI.APIError>).headers?.get("x-privacy-router-request-id");
    const failedReceipt = recordOf(harness, failedId);
    expect(failedReceipt).toMatchObject({ status: "failed", errorCode: "upstream_error", route: "cloud", outboundSha256: null });
    expect(failedReceipt.attempts).toEqual([expect.objectContaining({ provider: "fake", outcome: "failed", errorCode: "upstream_error", upstreamStatus: 400, outboundSha256: sha256(provider.received.at(-1)!.body) })]);

    provider.setScenario({ kind: "text", text: "word ".repeat(400), writeDelayMs: 5 });
    const controller = new AbortController();
    const { data: stream, response } = await client.chat.completions
      .create({ model: "fake/fake-model", messages: [{ role: "user", content: "long answer" }], stream: true }, { signal: controller.signal })
      .withResponse();
    let chunks = 0;
    await (async () => {
      for await (const _chunk of stream) if (++chunks === 3) controller.abort();
    })().catch(() => undefined);
    const aborted = await eventually(() => recordOf(harness, response.headers.get("x-privacy-router-request-id")));
    expect(aborted).toMatchObject({ status: "aborted", errorCode: "request_aborted", stream: true });
  });

  it("keeps the text of every policy version, readable by the version a record names", async () => {
    const database = openDatabaseForReading(join(harness.dataDir, databaseFileName));
    try {
      const stored = readPolicyVersion(database, harness.gateway.policyVersion);
      expect(stored).toBeDefined();
      expect(harness.gateway.policyVersion).toBe(`builtin-1.${sha256(stored!.document).slice(0, 12)}`);
      expect(JSON.parse(stored!.document)).toMatchObject({ providers: [{ id: "fake" }] });
    } finally {
      database.close();
    }
  });

  it("verifies, and holds no key, token or sensitive value in any file or log line", async () => {
    const database = openDatabaseForReading(join(harness.dataDir, databaseFileName));
    try {
      const result = verifyTrail(database, { file: readHeadFile(harness.dataDir), keychain: undefined });
      expect(result).toMatchObject({ ok: true, problems: [] });
      expect(result.records).toBeGreaterThanOrEqual(7);
    } finally {
      database.close();
    }
    const secrets = [providerKey, harness.token, email, awsKey];
    for (const file of readdirSync(harness.dataDir)) {
      const bytes = readFileSync(join(harness.dataDir, file));
      for (const secret of secrets) expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
    }
    for (const secret of secrets) expect(harness.logs().includes(secret), `${secret} in the log`).toBe(false);
    expect(harness.gateway.audit()).toMatchObject({ keyStorage: "keychain", records: expect.any(Number) });
  });
});

describe("logging rules that keep text", () => {
  it("keeps full text only where a rule says so, masks it for pseudonymized, and never anywhere else", async () => {
    const gateway = await startTestGateway({
      config: {
        providers: [providerConfig(provider.baseUrl)],
        logging: { content: { default: "metadata", rules: [{ route: "cloud", class: "personal", keep: "pseudonymized" }, { route: "blocked", keep: "full" }] } },
      },
      env: { PRIVACY_ROUTER_KEY_FAKE: providerKey },
    });
    try {
      const sdk = new OpenAI({ baseURL: `${gateway.gateway.url}/v1`, apiKey: gateway.token, maxRetries: 0 });
      provider.setScenario({ kind: "echo", prefix: "echo: " });
      const { response } = await sdk.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: `Mail ${email}` }] }).withResponse();
      const pseudonymized = recordOf(gateway, response.headers.get("x-privacy-router-request-id"));
      expect(pseudonymized.content).toMatchObject({ level: "pseudonymized", sha256: expect.stringMatching(/^[0-9a-f]{64}$/), expiresAt: expect.any(String) });

      const blocked = await sdk.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: `key ${awsKey}` }] }).catch((error: unknown) => error);
      const blockedReceipt = recordOf(gateway, (blocked as InstanceType<typeof OpenAI.APIError>).headers?.get("x-privacy-router-request-id"));
      expect(blockedReceipt.content.level).toBe("full");

      const database = openDatabaseForReading(join(gateway.dataDir, databaseFileName));
      try {
        const kept = database.prepare("SELECT r.request_id, c.level, c.content FROM audit_content c JOIN audit_records r ON r.seq = c.seq").all() as Array<{ request_id: string; level: string; content: string }>;
        const masked = kept.find((row) => row.level === "pseudonymized")!;
        expect(masked.content).toContain("Mail [EMAIL]");
        expect(masked.content).toContain("echo: Mail [EMAIL]");
        expect(masked.content).not.toContain(email);
        expect(sha256(masked.content)).toBe(pseudonymized.content.sha256);
        // The user asked for full text of blocked requests: the positive control that the byte search works.
        expect(kept.find((row) => row.level === "full")!.content).toContain(awsKey);
      } finally {
        database.close();
      }
      const databaseBytes = readFileSync(join(gateway.dataDir, databaseFileName));
      const walBytes = readFileSync(join(gateway.dataDir, `${databaseFileName}-wal`));
      expect(databaseBytes.includes(email) || walBytes.includes(email)).toBe(false);
      expect(databaseBytes.includes(awsKey) || walBytes.includes(awsKey)).toBe(true);
    } finally {
      await gateway.close();
    }
  });
});
