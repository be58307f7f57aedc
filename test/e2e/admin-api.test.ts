import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

let provider: FakeOpenAIProvider;
let harness: TestGateway;
let client: OpenAI;
let adminToken: string;

beforeAll(async () => {
  provider = await startFakeOpenAIProvider();
  harness = await startTestGateway({
    config: { providers: [{ id: "fake", kind: "openai-compatible", baseUrl: provider.baseUrl, models: ["fake-model"] }] },
    env: { PRIVACY_ROUTER_KEY_FAKE: "sk-admintest-0123456789abcdefghij" },
  });
  adminToken = harness.gateway.tokens.create("admin-script", { admin: true });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
});

afterAll(async () => {
  await harness?.close();
  await provider?.close();
});

function admin(path: string, init: RequestInit = {}, token = adminToken): Promise<Response> {
  return fetch(`${harness.gateway.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers } });
}

describe("the admin API", () => {
  it("refuses client tokens and requests without a token", async () => {
    expect((await admin("/admin/v1/summary", {}, harness.token)).status).toBe(403);
    expect((await fetch(`${harness.gateway.url}/admin/v1/summary`)).status).toBe(401);
  });

  it("serves the receipt of a request by the id in its headers, and the filtered log", async () => {
    const { response } = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "mail ada@example.org" }] }).withResponse();
    const id = response.headers.get("x-privacy-router-request-id") as string;
    const record = (await (await admin(`/admin/v1/requests/${id}`)).json()) as { receipt: Record<string, unknown> };
    expect(record.receipt).toMatchObject({ requestId: id, route: "cloud", redactions: 1 });
    expect(JSON.stringify(record)).not.toContain("ada@example.org");
    const cloud = (await (await admin("/admin/v1/requests?route=cloud&limit=5")).json()) as { records: Array<{ receipt: { requestId: string } }> };
    expect(cloud.records.map((entry) => entry.receipt.requestId)).toContain(id);
    expect((await admin("/admin/v1/requests?route=sideways")).status).toBe(400);
    expect((await admin("/admin/v1/requests/req_nope")).status).toBe(404);
  });

  it("switches local-only mode, which pauses cloud traffic at once", async () => {
    const on = await admin("/admin/v1/local-only", { method: "PUT", body: JSON.stringify({ on: true }) });
    expect(await on.json()).toEqual({ on: true, forcedByConfig: false });
    const before = provider.received.length;
    const error = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hi" }] }).catch((caught: unknown) => caught);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe("policy_blocked");
    expect(provider.received.length).toBe(before);
    await admin("/admin/v1/local-only", { method: "PUT", body: JSON.stringify({ on: false }) });
    expect(await (await admin("/admin/v1/local-only")).json()).toEqual({ on: false, forcedByConfig: false });
  });

  it("refuses a cross-site request even with an admin token", async () => {
    const response = await admin("/admin/v1/local-only", { method: "PUT", body: JSON.stringify({ on: false }), headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(403);
  });
});
