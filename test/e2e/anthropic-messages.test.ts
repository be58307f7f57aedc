import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalTier } from "../../gateway/models/create-local-tier.js";
import { startFakeAnthropicProvider, type FakeAnthropicProvider } from "../fakes/fake-anthropic-provider.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { createTinyTestModel, type TinyTestModel } from "../fixtures/tiny-test-model.js";
import { rawRequest } from "../support/raw-request.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

const anthropicKey = "sk-ant-api03-fakeE2Ekey0123456789abcdefghijklmnopqrstuv";
const openAIKey = "sk-fakeprovider-0123456789abcdefABCDEF";
const strictTerms = { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" };

let claude: FakeAnthropicProvider;
let oai: FakeOpenAIProvider;
let model: TinyTestModel;
let harness: TestGateway;
let client: Anthropic;
let openAIClient: OpenAI;

beforeAll(async () => {
  claude = await startFakeAnthropicProvider({ seed: 13, maxWriteBytes: 9 });
  oai = await startFakeOpenAIProvider({ seed: 17, maxWriteBytes: 7 });
  model = await createTinyTestModel("tiny-anthropic-e2e.gguf");
  harness = await startTestGateway({
    config: {
      server: { upstreamTimeoutMs: 5_000 },
      local: { model: model.path, contextSize: 2048, sequences: 2 },
      providers: [
        { id: "claude", kind: "anthropic", baseUrl: claude.baseUrl, models: ["claude-sonnet-4-5"], dataPolicy: strictTerms },
        { id: "oai", kind: "openai-compatible", baseUrl: oai.baseUrl, models: ["gpt-4o-mini"], dataPolicy: strictTerms },
      ],
      // The names Claude Code sends by default, mapped onto what is configured here (the SDK
      // warns about the deprecated 4.5 name, so SDK calls use a newer one).
      aliases: { "claude-sonnet-4-5-20250929": "claude/claude-sonnet-4-5", "claude-sonnet-4-6": "claude/claude-sonnet-4-5", "claude-3-5-haiku-latest": "oai/gpt-4o-mini", "claude-opus-4-1": "local" },
      policy: { classes: { secret: "block" } },
      detection: { terms: ["Project Falcon"] },
    },
    env: { PRIVACY_ROUTER_KEY_CLAUDE: anthropicKey, PRIVACY_ROUTER_KEY_OAI: openAIKey },
    createLocalTier: (config) => createLocalTier(config, { log() {} }),
  });
  // The SDK appends `/v1/messages` to the base URL itself.
  client = new Anthropic({ baseURL: harness.gateway.url, apiKey: harness.token, maxRetries: 0 });
  openAIClient = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
});

afterAll(async () => {
  await harness?.close();
  await claude?.close();
  await oai?.close();
  await model?.remove();
});

/** Values in every carrier a Messages request has; none may reach a provider. */
const sensitive = {
  system: "ada.lovelace@example.org",
  user: "bob.marley@example.net",
  term: "Project Falcon",
  toolInput: "carol.danvers@example.com",
  toolResult: "dave.grohl@example.org",
  document: "erin.brockovich@example.net",
  toolDescription: "frank.ocean@example.com",
};

const conversation: Anthropic.MessageCreateParamsNonStreaming = {
  model: "claude-sonnet-4-6",
  max_tokens: 200,
  system: [{ type: "text", text: `You assist ${sensitive.system}.`, cache_control: { type: "ephemeral" } }],
  tools: [{ name: "send_mail", description: `Sends mail as ${sensitive.toolDescription}`, input_schema: { type: "object", properties: { to: { type: "string" } } } }],
  messages: [
    { role: "user", content: `Mail ${sensitive.user} about ${sensitive.term}.` },
    { role: "assistant", content: [{ type: "text", text: "Sending." }, { type: "tool_use", id: "toolu_01A", name: "send_mail", input: { to: sensitive.toolInput } }] },
    {
      role: "user",
      content: [
        { type: "tool_result", tool_use_id: "toolu_01A", content: [{ type: "text", text: `Delivered to ${sensitive.toolResult}.` }] },
        { type: "document", source: { type: "text", media_type: "text/plain", data: `Signed by ${sensitive.document}.` }, title: "Contract" },
        { type: "text", text: "Summarize, please." },
      ],
    },
  ],
};

function expectNoSensitiveValue(body: string): void {
  for (const value of Object.values(sensitive)) expect(body).not.toContain(value);
}

const lastClaudeBody = (): string => claude.received.at(-1)?.body ?? "";
const lastOpenAIBody = (): string => oai.received.at(-1)?.body ?? "";

describe("POST /v1/messages answered by the Anthropic provider, with the official Anthropic SDK", () => {
  it("answers a non-stream request with provenance headers and the provider key only upstream", async () => {
    claude.setScenario({ kind: "text", text: "Grüße 👋 aus der Wolke." });
    const { data, response } = await client.messages
      .create({ model: "claude-sonnet-4-6", max_tokens: 50, messages: [{ role: "user", content: "Say hello." }] })
      .withResponse();
    expect(data.content).toEqual([{ type: "text", text: "Grüße 👋 aus der Wolke." }]);
    expect(data.stop_reason).toBe("end_turn");
    expect(data.id).toMatch(/^msg_/);
    expect(data.usage.input_tokens).toBeGreaterThan(0);
    expect(response.headers.get("x-privacy-router-route")).toBe("cloud");
    expect(response.headers.get("x-privacy-router-provider")).toBe("claude");
    expect(response.headers.get("x-privacy-router-policy")).toBeTruthy();
    const received = claude.received.at(-1);
    expect(received?.headers["x-api-key"]).toBe(anthropicKey);
    expect(received?.headers.authorization).toBeUndefined();
    expect(received?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(received?.body).not.toContain(harness.token);
    expect(JSON.parse(received?.body ?? "{}")).toMatchObject({ model: "claude-sonnet-4-5", max_tokens: 50, stream: true });
  });

  it("keeps every carrier's values from the provider and restores them, non-stream", async () => {
    claude.setScenario({ kind: "echo", prefix: "Seen: " });
    const { data, response } = await client.messages.create(conversation).withResponse();
    expectNoSensitiveValue(lastClaudeBody());
    expect(lastClaudeBody()).toMatch(/\[EMAIL_\d{4}\]/);
    expect(Number(response.headers.get("x-privacy-router-redactions"))).toBeGreaterThanOrEqual(7);
    const text = data.content.map((block) => (block.type === "text" ? block.text : "")).join("");
    expect(text).toContain(`Delivered to ${sensitive.toolResult}.`);
    expect(text).toContain(`Signed by ${sensitive.document}.`);
    expect(text).toContain("Summarize, please.");
    expect(text).not.toMatch(/\[[A-Z_]+_\d{4}\]/);
  });

  it("streams text and tool input restored, read by the SDK's stream helper", async () => {
    claude.setScenario({ kind: "echo", prefix: "Seen: " });
    const stream = client.messages.stream({ ...conversation, messages: [{ role: "user", content: `Mail ${sensitive.user} about ${sensitive.term} 🎉.` }] });
    const message = await stream.finalMessage();
    expectNoSensitiveValue(lastClaudeBody());
    expect(message.content).toEqual([{ type: "text", text: `Seen: Mail ${sensitive.user} about ${sensitive.term} 🎉.` }]);

    claude.setScenario({ kind: "tool-echo", name: "send_mail" });
    const toolStream = client.messages.stream({ ...conversation, messages: [{ role: "user", content: `Mail ${sensitive.user} now.` }] });
    const toolMessage = await toolStream.finalMessage();
    expectNoSensitiveValue(lastClaudeBody());
    expect(toolMessage.stop_reason).toBe("tool_use");
    expect(toolMessage.content).toEqual([{ type: "tool_use", id: "toolu_01EchoFake", name: "send_mail", input: { text: `Mail ${sensitive.user} now.` } }]);
  });

  it("restores exactly however the provider's writes split the stream", async () => {
    // Each request gets other write sizes from the fake (its PRNG is seeded per request).
    claude.setScenario({ kind: "echo", prefix: "» " });
    const content = `Grüße an ${sensitive.user} 👋 und ${sensitive.toolResult}, re ${sensitive.term}.`;
    for (let round = 0; round < 20; round += 1) {
      const message = await client.messages.stream({ model: "claude-sonnet-4-6", max_tokens: 50, messages: [{ role: "user", content }] }).finalMessage();
      expectNoSensitiveValue(lastClaudeBody());
      expect(message.content, `round ${round}`).toEqual([{ type: "text", text: `» ${content}` }]);
    }
  });

  it("passes a mid-stream provider error on as an Anthropic error event", async () => {
    claude.setScenario({ kind: "stream-error", text: "one two three four five", afterEvents: 5, errorType: "overloaded_error", message: "Overloaded" });
    const stream = client.messages.stream({ model: "claude-sonnet-4-6", max_tokens: 20, messages: [{ role: "user", content: "hi" }] });
    const error: unknown = await stream.finalMessage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(String((error as Error).message)).toContain("Overloaded");
  });
});

describe("a request shaped like Claude Code's", () => {
  // Recent Claude Code sends adaptive thinking, an effort, context management (a beta) and
  // cached system blocks; none of that may turn the request away.
  const claudeCodeShaped = {
    model: "claude-sonnet-4-6",
    max_tokens: 64,
    stream: false,
    system: [{ type: "text", text: "You are a coding assistant.", cache_control: { type: "ephemeral" } }],
    messages: [{ role: "user", content: [{ type: "text", text: `Write to ${sensitive.user}.`, cache_control: { type: "ephemeral" } }] }],
    thinking: { type: "adaptive" },
    output_config: { effort: "medium" },
    context_management: { edits: [{ type: "clear_thinking_20251015", keep: "all" }] },
    metadata: { user_id: "user_abc_account_def_session_ghi" },
  };

  const postMessages = (body: unknown, headers: Record<string, string> = {}) =>
    rawRequest({
      port: harness.gateway.port,
      method: "POST",
      path: "/v1/messages",
      headers: { host: `127.0.0.1:${harness.gateway.port}`, "content-type": "application/json", "x-api-key": harness.token, "anthropic-version": "2023-06-01", ...headers },
      body: JSON.stringify(body),
    });

  it("is accepted; effort goes to Anthropic, context management goes nowhere", async () => {
    claude.setScenario({ kind: "text", text: "Done." });
    const response = await postMessages(claudeCodeShaped, { "anthropic-beta": "context-management-2025-06-27" });
    expect(response.status).toBe(200);
    const sent = JSON.parse(lastClaudeBody()) as Record<string, unknown>;
    expect(sent.output_config).toEqual({ effort: "medium" });
    expect(sent.thinking).toEqual({ type: "adaptive" });
    expect(sent).not.toHaveProperty("context_management");
    expect(sent).not.toHaveProperty("metadata");
    expect(lastClaudeBody()).not.toContain(sensitive.user);
  });

  it("turns a JSON schema in output_config into Anthropic's format, scanned like the rest", async () => {
    claude.setScenario({ kind: "text", text: '{"to":"x"}' });
    const schema = { type: "object", properties: { to: { type: "string", description: `Usually ${sensitive.toolDescription}` } } };
    const response = await postMessages({ ...claudeCodeShaped, output_config: { format: { type: "json_schema", schema } } });
    expect(response.status).toBe(200);
    const sent = JSON.parse(lastClaudeBody()) as { output_config?: { format?: { type: string; schema: unknown } } };
    expect(sent.output_config?.format?.type).toBe("json_schema");
    expect(lastClaudeBody()).not.toContain(sensitive.toolDescription);
  });
});

describe("extended thinking through /v1/messages", () => {
  it("passes thinking to the Anthropic provider and back, restored, and the signature still matches the text next turn", async () => {
    claude.setScenario({ kind: "echo", prefix: "Done: ", echoThinking: true });
    const opening: Anthropic.MessageParam = { role: "user", content: `Write to ${sensitive.user} about ${sensitive.term}.` };
    const first = await client.messages
      .stream({ model: "claude-sonnet-4-6", max_tokens: 2048, thinking: { type: "enabled", budget_tokens: 1024 }, messages: [opening] })
      .finalMessage();
    const firstSent = JSON.parse(lastClaudeBody()) as { thinking: unknown; messages: Array<{ content: Array<{ text?: string }> }> };
    expect(firstSent.thinking).toEqual({ type: "enabled", budget_tokens: 1024 });
    const pseudonymizedPrompt = firstSent.messages[0]?.content[0]?.text ?? "";
    expect(pseudonymizedPrompt).toMatch(/\[EMAIL_\d{4}\]/);
    const thinking = first.content[0];
    expect(thinking).toMatchObject({ type: "thinking", thinking: `Thinking about: Write to ${sensitive.user} about ${sensitive.term}.` });
    expect(first.content[1]).toEqual({ type: "text", text: `Done: Write to ${sensitive.user} about ${sensitive.term}.` });

    // Claude Code sends the thinking back with the next turn; the provider must get its own text again.
    await client.messages.create({
      model: "claude-sonnet-4-6",
      max_tokens: 2048,
      thinking: { type: "enabled", budget_tokens: 1024 },
      messages: [opening, { role: "assistant", content: first.content as Anthropic.ContentBlockParam[] }, { role: "user", content: "And now?" }],
    });
    expectNoSensitiveValue(lastClaudeBody());
    const secondSent = JSON.parse(lastClaudeBody()) as { messages: Array<{ role: string; content: Array<Record<string, unknown>> }> };
    expect(secondSent.messages[1]?.content[0]).toEqual({ type: "thinking", thinking: `Thinking about: ${pseudonymizedPrompt}`, signature: (thinking as Anthropic.ThinkingBlock).signature });
  });

  it("drops thinking for a provider that cannot take it", async () => {
    oai.setScenario({ kind: "text", text: "fine" });
    await client.messages.create({
      model: "claude-3-5-haiku-latest",
      max_tokens: 50,
      thinking: { type: "enabled", budget_tokens: 1024 },
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: [{ type: "thinking", thinking: `About ${sensitive.user}`, signature: "sig-xyz" }, { type: "text", text: "hello" }] },
        { role: "user", content: "again" },
      ],
    });
    expect(lastOpenAIBody()).not.toContain("thinking");
    expect(lastOpenAIBody()).not.toContain("sig-xyz");
    expectNoSensitiveValue(lastOpenAIBody());
  });
});

describe("POST /v1/messages answered by an OpenAI-compatible provider", () => {
  it("translates the conversation, keeps every value back, and restores the answer", async () => {
    oai.setScenario({ kind: "echo", prefix: "OpenAI saw: " });
    const { data, response } = await client.messages.create({ ...conversation, model: "claude-3-5-haiku-latest" }).withResponse();
    expect(response.headers.get("x-privacy-router-provider")).toBe("oai");
    expectNoSensitiveValue(lastOpenAIBody());
    const sent = JSON.parse(lastOpenAIBody()) as { model: string; messages: Array<{ role: string; tool_call_id?: string }> };
    expect(sent.model).toBe("gpt-4o-mini");
    expect(sent.messages.map((message) => message.role)).toEqual(["system", "user", "assistant", "tool", "user"]);
    expect(sent.messages[3]?.tool_call_id).toBe("toolu_01A");
    const text = data.content.map((block) => (block.type === "text" ? block.text : "")).join("");
    expect(text).toContain(`Signed by ${sensitive.document}.`);
  });

  it("streams an OpenAI tool call back as a tool_use block with restored input", async () => {
    oai.setScenario({ kind: "tool-calls", toolCalls: [{ id: "call_1", name: "send_mail", arguments: JSON.stringify({ to: "[EMAIL_0000]", note: "ok" }) }] });
    const stream = client.messages.stream({ ...conversation, model: "claude-3-5-haiku-latest" });
    const message = await stream.finalMessage();
    expect(message.stop_reason).toBe("tool_use");
    // A placeholder the gateway never issued is left as it is.
    expect(message.content).toEqual([{ type: "tool_use", id: "call_1", name: "send_mail", input: { to: "[EMAIL_0000]", note: "ok" } }]);
  });
});

describe("POST /v1/chat/completions answered by the Anthropic provider", () => {
  it("streams text with values restored and sends Anthropic's request shape", async () => {
    claude.setScenario({ kind: "echo", prefix: "Claude saw: " });
    const prompt = `Please write to ${sensitive.user} about ${sensitive.term}.`;
    const stream = await openAIClient.chat.completions.create({
      model: "claude/claude-sonnet-4-5",
      messages: [{ role: "system", content: `Assist ${sensitive.system}.` }, { role: "user", content: prompt }],
      stream: true,
    });
    let text = "";
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe(`Claude saw: ${prompt}`);
    expect(finish).toBe("stop");
    expectNoSensitiveValue(lastClaudeBody());
    const sent = JSON.parse(lastClaudeBody()) as { system: Array<{ text: string }>; messages: unknown[]; max_tokens: number };
    expect(sent.system[0]?.text).toMatch(/^Assist \[EMAIL_\d{4}\]\.$/);
    expect(sent.max_tokens).toBe(4096);
  });

  it("answers tool calls non-stream with restored arguments", async () => {
    claude.setScenario({ kind: "tool-echo", name: "lookup" });
    const completion = await openAIClient.chat.completions.create({
      model: "claude/claude-sonnet-4-5",
      messages: [{ role: "user", content: `Look up ${sensitive.user}` }],
      tools: [{ type: "function", function: { name: "lookup", parameters: { type: "object" } } }],
    });
    expectNoSensitiveValue(lastClaudeBody());
    const toolCall = completion.choices[0]?.message.tool_calls?.[0];
    expect(toolCall?.type === "function" && JSON.parse(toolCall.function.arguments)).toEqual({ text: `Look up ${sensitive.user}` });
    expect(completion.choices[0]?.finish_reason).toBe("tool_calls");
  });
});

describe("POST /v1/messages answered by the local model", () => {
  it("answers non-stream and stream through the alias", async () => {
    const connectionsBefore = claude.connections + oai.connections;
    const { data, response } = await client.messages.create({ model: "claude-opus-4-1", max_tokens: 8, messages: [{ role: "user", content: "Hello there" }] }).withResponse();
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
    expect(data.model).toBe("tiny-anthropic-e2e");
    expect(data.stop_reason).toBe("max_tokens");
    expect(data.usage.output_tokens).toBeGreaterThan(0);

    const stream = client.messages.stream({ model: "claude-opus-4-1", max_tokens: 8, messages: [{ role: "user", content: "Count to five" }] });
    const message = await stream.finalMessage();
    expect(message.content[0]?.type).toBe("text");
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    expect(claude.connections + oai.connections).toBe(connectionsBefore);
  });
});

describe("POST /v1/messages/count_tokens", () => {
  it("estimates locally and contacts no provider", async () => {
    const connectionsBefore = claude.connections + oai.connections;
    const short = await client.messages.countTokens({ model: "claude-sonnet-4-6", messages: [{ role: "user", content: "Hi" }] });
    const long = await client.messages.countTokens({ model: "claude-sonnet-4-6", system: conversation.system, tools: conversation.tools, messages: conversation.messages });
    expect(short.input_tokens).toBeGreaterThan(0);
    expect(long.input_tokens).toBeGreaterThan(short.input_tokens);
    expect(claude.connections + oai.connections).toBe(connectionsBefore);
  });
});

describe("refusals in Anthropic's error shape", () => {
  const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${harness.token}` }) =>
    rawRequest({
      port: harness.gateway.port,
      method: "POST",
      path: "/v1/messages",
      headers: { host: `127.0.0.1:${harness.gateway.port}`, "content-type": "application/json", "anthropic-version": "2023-06-01", ...headers },
      body: JSON.stringify(body),
    });

  it("names the field of a malformed body (400)", async () => {
    const missing = await post({ model: "claude-sonnet-4-5-20250929", messages: [{ role: "user", content: "hi" }] });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body)).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
    expect(JSON.parse(missing.body).error.message).toContain("max_tokens");

    const unknownField = await post({ model: "claude-sonnet-4-5-20250929", max_tokens: 5, messages: [{ role: "user", content: "hi" }], mcp_servers: [] });
    expect(unknownField.status).toBe(400);
    expect(JSON.parse(unknownField.body).error.message).toContain("mcp_servers");

    const serverTool = await post({ model: "claude-sonnet-4-5-20250929", max_tokens: 5, messages: [{ role: "user", content: "hi" }], tools: [{ type: "web_search_20250305", name: "web_search" }] });
    expect(serverTool.status).toBe(400);
    expect(JSON.parse(serverTool.body).error.message).toContain("tools[0]");
  });

  it("refuses a request the policy blocks with 403 before any stream starts, and sends nothing", async () => {
    const connectionsBefore = claude.connections + oai.connections;
    const blocked = await post({ model: "claude-sonnet-4-5-20250929", max_tokens: 5, stream: true, messages: [{ role: "user", content: "deploy with AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" }] });
    expect(blocked.status).toBe(403);
    expect(blocked.headers["content-type"]).toContain("application/json");
    expect(blocked.headers["x-privacy-router-route"]).toBe("blocked");
    const body = JSON.parse(blocked.body) as { type: string; error: { type: string; message: string } };
    expect(body).toMatchObject({ type: "error", error: { type: "permission_error" } });
    expect(body.error.message).toMatch(/privacy policy refused/i);
    expect(claude.connections + oai.connections).toBe(connectionsBefore);
  });

  it("needs a client token (401), accepts it as x-api-key or Bearer, and any anthropic-version", async () => {
    const none = await post({ model: "claude-opus-4-1", max_tokens: 2, messages: [{ role: "user", content: "hi" }] }, {});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    expect(none.headers["x-privacy-router-request-id"]).toBeTruthy();
    const wrong = await post({ model: "claude-opus-4-1", max_tokens: 2, messages: [{ role: "user", content: "hi" }] }, { "x-api-key": "prt_not-a-real-token" });
    expect(wrong.status).toBe(401);
    const apiKey = await post({ model: "claude-opus-4-1", max_tokens: 2, messages: [{ role: "user", content: "hi" }] }, { "x-api-key": harness.token, "anthropic-version": "2099-01-01" });
    expect(apiKey.status).toBe(200);
    expect(JSON.parse(apiKey.body)).toMatchObject({ type: "message", role: "assistant" });
    // Claude Code calls the beta path, `?beta=true` with an `anthropic-beta` header.
    const beta = await rawRequest({
      port: harness.gateway.port,
      method: "POST",
      path: "/v1/messages/count_tokens?beta=true",
      headers: { host: `127.0.0.1:${harness.gateway.port}`, "content-type": "application/json", "x-api-key": harness.token, "anthropic-beta": "token-counting-2024-11-01" },
      body: JSON.stringify({ model: "claude-opus-4-1", messages: [{ role: "user", content: "hi" }] }),
    });
    expect(beta.status).toBe(200);
    expect(JSON.parse(beta.body).input_tokens).toBeGreaterThan(0);
  });

  it("answers an unknown model with 404 and other methods with 405", async () => {
    const unknown = await post({ model: "claude-nonexistent-9", max_tokens: 2, messages: [{ role: "user", content: "hi" }] });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ type: "error", error: { type: "not_found_error" } });
    const get = await rawRequest({ port: harness.gateway.port, path: "/v1/messages", headers: { host: `127.0.0.1:${harness.gateway.port}`, authorization: `Bearer ${harness.token}` } });
    expect(get.status).toBe(405);
    expect(JSON.parse(get.body)).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
  });
});
