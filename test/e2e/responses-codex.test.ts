import Database from "better-sqlite3";
import { join } from "node:path";
import OpenAI from "openai";
import type { ResponseStreamEvent } from "openai/resources/responses/responses";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLocalTier } from "../../gateway/models/create-local-tier.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { createTinyTestModel, type TinyTestModel } from "../fixtures/tiny-test-model.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

/**
 * `POST /v1/responses` as the OpenAI Codex CLI uses it, with the official SDK as the client:
 * the freeform `apply_patch` custom tool, namespaced MCP tools, `additional_tools` input items,
 * hosted tools sent by default, and the settings Codex adds (reasoning, include, cache key).
 */
let model: TinyTestModel;
let provider: FakeOpenAIProvider;
let harness: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  model = await createTinyTestModel("tiny-responses-codex.gguf");
  provider = await startFakeOpenAIProvider({ seed: 17, maxWriteBytes: 7 });
  harness = await startTestGateway({
    config: {
      server: { upstreamTimeoutMs: 5000 },
      local: { model: model.path, contextSize: 2048, sequences: 2 },
      providers: [
        {
          id: "fake",
          kind: "openai-compatible",
          baseUrl: provider.baseUrl,
          models: ["fake-model"],
          dataPolicy: { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" },
        },
      ],
    },
    env: { PRIVACY_ROUTER_KEY_FAKE: "sk-fakeprovider-0123456789abcdefABCDEF" },
    createLocalTier: (config) => createLocalTier(config, { log() {} }),
  });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
});

afterAll(async () => {
  await harness?.close();
  await provider?.close();
  await model?.remove();
});

afterEach(() => {
  provider.setScenario({ kind: "text", text: "Done." });
});

function lastReceived(): { body: Record<string, unknown>; raw: string } {
  const last = provider.received.at(-1);
  if (!last) throw new Error("the fake provider received nothing");
  return { body: JSON.parse(last.body) as Record<string, unknown>, raw: last.body };
}

function requestRow(id: string | null): Record<string, unknown> {
  const database = new Database(join(harness.dataDir, "privacy-router.sqlite"), { readonly: true });
  try {
    return database.prepare("SELECT * FROM requests WHERE id = ?").get(id) as Record<string, unknown>;
  } finally {
    database.close();
  }
}

const patchGrammar = 'start: begin_patch hunk+ end_patch\nbegin_patch: "*** Begin Patch" LF\nend_patch: "*** End Patch" LF?\n';

/** A request shaped as Codex sends it; `input` holds an earlier turn's patch and its result. */
function codexRequest(input: unknown[]): OpenAI.Responses.ResponseCreateParamsNonStreaming {
  return {
    model: "fake/fake-model",
    instructions: "You are Codex, a coding agent running in the user's terminal.",
    input: [{ type: "message", role: "developer", content: [{ type: "input_text", text: "<permissions>workspace-write</permissions>" }] }, { type: "additional_tools", role: "developer", tools: [{ type: "function", name: "spawn_agent", description: "Start a helper agent.", parameters: { type: "object", properties: {} } }] }, ...input],
    tools: [
      { type: "function", name: "shell_command", description: "Runs a shell command.", parameters: { type: "object", properties: { command: { type: "string" } }, required: ["command"] }, strict: false },
      { type: "custom", name: "apply_patch", description: "Use the `apply_patch` tool to edit files.", format: { type: "grammar", syntax: "lark", definition: patchGrammar } },
      { type: "namespace", name: "mcp__docs", description: "The docs server.", tools: [{ type: "function", name: "search", description: "Search the docs.", parameters: { type: "object", properties: { query: { type: "string" } } } }] },
      { type: "web_search", external_web_access: false },
      { type: "image_generation", output_format: "png" },
    ],
    tool_choice: "auto",
    parallel_tool_calls: false,
    reasoning: { effort: "medium", summary: "auto" },
    store: false,
    include: ["reasoning.encrypted_content"],
    prompt_cache_key: "019a0000-0000-7000-8000-000000000000",
    text: { verbosity: "low" },
    client_metadata: { "x-codex-turn-metadata": "{}" },
  } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming;
}

describe("POST /v1/responses for the Codex CLI", () => {
  it("accepts a Codex request: function tools only reach the provider, hosted tools are dropped and said so, earlier custom calls are pseudonymized", async () => {
    provider.setScenario({ kind: "echo", prefix: "You wrote: " });
    const ask = "Now add grace.hopper@example.org as well.";
    const request = codexRequest([
      { type: "message", role: "user", content: [{ type: "input_text", text: "Add ada.lovelace@example.org to contacts.txt" }] },
      { type: "reasoning", summary: [], encrypted_content: "gAAAAB-opaque" },
      { type: "custom_tool_call", call_id: "call_patch_1", name: "apply_patch", input: "*** Begin Patch\n*** Add File: contacts.txt\n+ada.lovelace@example.org\n*** End Patch\n" },
      { type: "custom_tool_call_output", call_id: "call_patch_1", output: "Success. Owner charles.babbage@example.net, +44 20 7946 0321" },
      { type: "function_call", call_id: "call_docs_1", name: "search", namespace: "mcp__docs", arguments: '{"query":"contacts format"}' },
      { type: "function_call_output", call_id: "call_docs_1", output: "one address per line" },
      { type: "message", role: "user", content: [{ type: "input_text", text: ask }] },
    ]);
    const { data, response } = await client.responses.create(request).withResponse();
    expect(data.status).toBe("completed");
    expect(data.output_text).toBe(`You wrote: ${ask}`);
    expect(response.headers.get("x-privacy-router-dropped-tools")).toBe("web_search,image_generation");

    const sent = lastReceived();
    for (const value of ["ada.lovelace", "grace.hopper", "charles.babbage", "7946", "gAAAAB", "x-codex-turn-metadata", "start: begin_patch"]) expect(sent.raw).not.toContain(value);
    const tools = sent.body.tools as Array<{ type: string; function: { name: string; parameters?: unknown } }>;
    expect(tools.map((tool) => tool.type)).toEqual(["function", "function", "function", "function"]);
    expect(tools.map((tool) => tool.function.name)).toEqual(["shell_command", "apply_patch", "mcp__docs__search", "spawn_agent"]);
    expect(tools[1]?.function.parameters).toMatchObject({ properties: { input: { type: "string" } }, required: ["input"] });
    const messages = sent.body.messages as Array<Record<string, unknown>>;
    expect(messages.map((message) => message.role)).toEqual(["system", "developer", "user", "assistant", "tool", "assistant", "tool", "user"]);
    expect(messages[3]).toMatchObject({ tool_calls: [{ id: "call_patch_1", function: { name: "apply_patch" } }] });
    const patchArguments = JSON.parse((messages[3]?.tool_calls as Array<{ function: { arguments: string } }>)[0]?.function.arguments ?? "") as { input: string };
    // `+` may open an address (`+ada@…` is one), so the detector may take it in.
    expect(patchArguments.input).toMatch(/^\*\*\* Begin Patch\n\*\*\* Add File: contacts\.txt\n\+?\[EMAIL_\d{4}\]\n\*\*\* End Patch\n$/);
    expect(messages[5]).toMatchObject({ tool_calls: [{ id: "call_docs_1", function: { name: "mcp__docs__search" } }] });

    const row = requestRow(response.headers.get("x-privacy-router-request-id"));
    expect(row).toMatchObject({ endpoint: "/v1/responses", route: "cloud", status: "completed" });
    expect(JSON.parse(String(row.reasons))).toContain("hosted_tools_dropped");
  });

  it("answers the model's apply_patch call as a custom_tool_call with the raw patch restored, stream and non-stream", async () => {
    // The first turn shows which placeholder this conversation gives the address.
    provider.setScenario({ kind: "echo" });
    const input = [{ type: "message", role: "user", content: [{ type: "input_text", text: "Add grace@example.com to contacts.txt" }] }];
    await client.responses.create(codexRequest(input));
    const placeholder = /\[EMAIL_\d{4}\]/.exec(lastReceived().raw)?.[0];
    expect(placeholder).toBeDefined();
    const patchWith = (address: string): string => `*** Begin Patch\n*** Add File: contacts.txt\n+"${address}"\t\\ ok\n*** End Patch\n`;
    provider.setScenario({
      kind: "tool-calls",
      text: "Adding it.",
      toolCalls: [
        { id: "call_patch_2", name: "apply_patch", arguments: JSON.stringify({ input: patchWith(placeholder ?? "") }) },
        { id: "call_docs_2", name: "mcp__docs__search", arguments: JSON.stringify({ query: `who is ${placeholder}` }) },
      ],
    });
    const expectedPatch = patchWith("grace@example.com");

    const nonStream = await client.responses.create(codexRequest(input));
    expect(nonStream.output.map((item) => item.type)).toEqual(["message", "custom_tool_call", "function_call"]);
    expect(nonStream.output[1]).toMatchObject({ type: "custom_tool_call", call_id: "call_patch_2", name: "apply_patch", input: expectedPatch, status: "completed" });
    expect(nonStream.output[2]).toMatchObject({ type: "function_call", call_id: "call_docs_2", name: "search", namespace: "mcp__docs", arguments: JSON.stringify({ query: "who is grace@example.com" }) });

    const events: ResponseStreamEvent[] = [];
    for await (const event of await client.responses.create({ ...codexRequest(input), stream: true })) events.push(event);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    expect(JSON.stringify(events)).not.toContain(placeholder);
    const inputDeltas = events.flatMap((event) => (event.type === "response.custom_tool_call_input.delta" ? [event.delta] : [])).join("");
    const inputDone = events.find((event) => event.type === "response.custom_tool_call_input.done");
    expect(inputDeltas).toBe(expectedPatch);
    expect(inputDone).toMatchObject({ input: expectedPatch, output_index: 1 });
    const completed = events.at(-1);
    if (completed?.type !== "response.completed") throw new Error(`expected response.completed, got ${completed?.type}`);
    expect(completed.response.output[1]).toMatchObject({ type: "custom_tool_call", name: "apply_patch", input: expectedPatch });

    // The SDK's stream helper assembles the same items; its output is the next turn's input.
    const helper = await client.responses.stream({ ...codexRequest(input), stream: true }).finalResponse();
    const custom = helper.output.find((item) => item.type === "custom_tool_call");
    expect(custom).toMatchObject({ name: "apply_patch", input: expectedPatch });
    provider.setScenario({ kind: "text", text: "Patched." });
    const nextTurn = await client.responses.create(
      codexRequest([...input, ...(helper.output as unknown[]), { type: "custom_tool_call_output", call_id: "call_patch_2", output: "Success. Updated contacts.txt for grace@example.com" }, { type: "function_call_output", call_id: "call_docs_2", output: "no match" }]),
    );
    expect(nextTurn.output_text).toBe("Patched.");
    expect(lastReceived().raw).not.toContain("grace@");
  });

  it("refuses a forced hosted tool with 400 before anything is sent", async () => {
    const before = provider.received.length;
    const forced = await client.responses.create({ ...codexRequest([{ role: "user", content: "search the web" }]), tool_choice: { type: "web_search" } } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(forced).toBeInstanceOf(OpenAI.APIError);
    expect(forced).toMatchObject({ status: 400, code: "hosted_tool_unsupported", param: "tool_choice.type" });
    expect(provider.received.length).toBe(before);
  });

  it("serves a Codex request on the local model too", async () => {
    const before = provider.received.length;
    const { data, response } = await client.responses
      .create({ ...codexRequest([{ role: "user", content: "my key is AKIAIOSFODNN7EXAMPLE, fix the config" }]), max_output_tokens: 8 })
      .withResponse();
    expect(response.headers.get("x-privacy-router-route")).toBe("local");
    expect(response.headers.get("x-privacy-router-dropped-tools")).toBe("web_search,image_generation");
    expect(["completed", "incomplete"]).toContain(data.status);
    expect(provider.received.length).toBe(before);
  });
});
