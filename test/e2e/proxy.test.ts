import OpenAI from "openai";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startConnectProxy, type ConnectProxy } from "../fakes/connect-proxy.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

let proxy: ConnectProxy;
let provider: FakeOpenAIProvider;
let harness: TestGateway;

beforeAll(async () => {
  proxy = await startConnectProxy();
  provider = await startFakeOpenAIProvider({ scenario: { kind: "text", text: "through the proxy" } });
  harness = await startTestGateway({
    config: { providers: [{ id: "fake", kind: "openai-compatible", baseUrl: provider.baseUrl, models: ["fake-model"] }] },
    env: { PRIVACY_ROUTER_KEY_FAKE: "sk-proxytest-0123456789abcdefghij", HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url },
  });
});

afterAll(async () => {
  await harness?.close();
  await provider?.close();
  await proxy?.close();
});

it("sends provider calls through HTTPS_PROXY / HTTP_PROXY when they are set", async () => {
  const client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
  const answer = await client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "hi" }] });
  expect(answer.choices[0]?.message.content).toBe("through the proxy");
  expect(proxy.tunnels).toContain(`127.0.0.1:${provider.port}`);
  expect(provider.received).toHaveLength(1);
});
