import type { IncomingMessage, ServerResponse } from "node:http";
import {
  anthropicErrorBody,
  anthropicMessageBody,
  streamedAnthropicEvents,
  toSse,
  type FakeAnthropicAnswer,
} from "./fake-anthropic-events.js";
import { splitIntoPieces, type FakeToolCall, type FakeUsage } from "./fake-openai-chunks.js";
import { sendJson, startRecordingServer, type RecordedExchange, type RecordedRequest, type RequestOutcome } from "./recording-server.js";
import { createSeededRandom } from "./seeded-random.js";
import { writeInPieces } from "./write-in-pieces.js";

/**
 * A fake Anthropic Messages provider on 127.0.0.1, port 0. It records exactly what reached it
 * and answers per scenario in Anthropic's documented shapes, writing its bytes in PRNG-sized
 * pieces so splits fall inside `event:`/`data:` lines and inside UTF-8 characters. Like the real
 * API it refuses a request without `x-api-key` (401) or `anthropic-version` (400).
 */
interface ScenarioSettings {
  /** The `model` the answer reports; defaults to the request's `model`. */
  model?: string;
  usage?: FakeUsage;
  stopReason?: string;
  thinking?: string;
  /** Think out loud about the request: the thinking text is what `echo` would answer. */
  echoThinking?: boolean;
}

export type FakeAnthropicScenario = ScenarioSettings &
  (
    | { kind: "text"; text: string }
    /** The answer is `prefix` plus every text of the last user turn (text blocks, tool results, documents), as the provider saw them. */
    | { kind: "echo"; prefix?: string }
    | { kind: "tool-calls"; toolCalls: FakeToolCall[]; text?: string }
    /** One call of tool `name` whose input is `{"text": <what echo would answer>}`. */
    | { kind: "tool-echo"; name: string }
    | { kind: "error-status"; status: number; errorType: string; message: string }
    /** An `error` event after `afterEvents` events, then the end of the body. */
    | { kind: "stream-error"; text: string; afterEvents: number; errorType: string; message: string }
    /** Sends `afterEvents` events and half of the next, then destroys the socket. */
    | { kind: "cut"; text: string; afterEvents: number }
  );

export interface FakeAnthropicProviderOptions {
  scenario?: FakeAnthropicScenario;
  seed?: number;
  maxWriteBytes?: number;
}

export interface FakeAnthropicProvider {
  /** `http://127.0.0.1:<port>/v1` */
  readonly baseUrl: string;
  readonly received: RecordedRequest[];
  readonly connections: number;
  setScenario(scenario: FakeAnthropicScenario): void;
  waitForOutcome(index: number): Promise<Exclude<RequestOutcome, "pending">>;
  close(): Promise<void>;
}

export async function startFakeAnthropicProvider(options: FakeAnthropicProviderOptions = {}): Promise<FakeAnthropicProvider> {
  let scenario: FakeAnthropicScenario = options.scenario ?? { kind: "text", text: "Hello from the fake Anthropic provider." };
  const seed = options.seed ?? 1;
  const maxWriteBytes = Math.max(1, options.maxWriteBytes ?? 16);
  async function answer(request: IncomingMessage, response: ServerResponse, { record, index, markCutByFake }: RecordedExchange): Promise<void> {
    const { body } = record;
    const current = scenario;

    if (record.path.split("?")[0] !== "/v1/messages") return sendJson(response, 404, anthropicErrorBody("not_found_error", "Not found"));
    if (record.method !== "POST") return sendJson(response, 405, anthropicErrorBody("invalid_request_error", "Use POST."));
    // Anthropic takes the key as `x-api-key`; its recent SDKs send `Authorization: Bearer` instead.
    if (!request.headers["x-api-key"] && !/^Bearer \S+$/.test(request.headers.authorization ?? "")) {
      return sendJson(response, 401, anthropicErrorBody("authentication_error", "x-api-key header is required"));
    }
    if (!request.headers["anthropic-version"]) return sendJson(response, 400, anthropicErrorBody("invalid_request_error", "anthropic-version: header is required"));
    const parsed = parseRequest(body);
    if (parsed === undefined) return sendJson(response, 400, anthropicErrorBody("invalid_request_error", "max_tokens: Field required"));

    if (current.kind === "error-status") return sendJson(response, current.status, anthropicErrorBody(current.errorType, current.message));

    const answer = answerFor(current, parsed, body);
    if (!parsed.stream) return sendJson(response, 200, anthropicMessageBody(answer));

    const events = streamedAnthropicEvents(answer).map(toSse);
    const random = createSeededRandom(seed + index);
    response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "request-id": "req_fake" });
    response.flushHeaders();
    const write = (text: string): Promise<boolean> => writeInPieces(response, text, random, maxWriteBytes, undefined);

    if (current.kind === "stream-error") {
      const error = toSse({ event: "error", data: anthropicErrorBody(current.errorType, current.message) });
      if (await write(events.slice(0, current.afterEvents).join("") + error)) response.end();
      return;
    }
    if (current.kind === "cut") {
      const next = events[current.afterEvents] ?? "";
      if (!(await write(events.slice(0, current.afterEvents).join("") + next.slice(0, Math.floor(next.length / 2))))) return;
      markCutByFake();
      response.socket?.destroy();
      return;
    }
    if (await write(events.join(""))) response.end();
  }

  const server = await startRecordingServer(answer);
  return {
    baseUrl: `http://127.0.0.1:${server.port}/v1`,
    received: server.received,
    get connections() {
      return server.connections;
    },
    setScenario(next) {
      scenario = next;
    },
    waitForOutcome: (index) => server.waitForOutcome(index),
    close: () => server.close(),
  };
}

interface ParsedRequest {
  model: string;
  stream: boolean;
  lastUserText: string;
}

function parseRequest(body: string): ParsedRequest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const request = value as { model?: unknown; max_tokens?: unknown; stream?: unknown; messages?: unknown };
  if (typeof request !== "object" || request === null || typeof request.model !== "string" || typeof request.max_tokens !== "number" || !Array.isArray(request.messages)) return undefined;
  const lastUser = [...(request.messages as { role?: unknown; content?: unknown }[])].reverse().find((message) => message.role === "user");
  return { model: request.model, stream: request.stream === true, lastUserText: textsOf(lastUser?.content).join("\n") };
}

/** Every text a user turn carries: text blocks, tool results (string or blocks), text documents. */
function textsOf(content: unknown): string[] {
  if (typeof content === "string") return [content];
  if (!Array.isArray(content)) return [];
  return content.flatMap((block: { type?: unknown; text?: unknown; content?: unknown; source?: { type?: unknown; data?: unknown } }) => {
    if (block.type === "text" && typeof block.text === "string") return [block.text];
    if (block.type === "tool_result") return textsOf(block.content);
    if (block.type === "document" && block.source?.type === "text" && typeof block.source.data === "string") return [block.source.data];
    return [];
  });
}

function answerFor(scenario: FakeAnthropicScenario, request: ParsedRequest, rawBody: string): FakeAnthropicAnswer {
  let text = "";
  let toolCalls: FakeToolCall[] = [];
  switch (scenario.kind) {
    case "echo":
      text = (scenario.prefix ?? "") + request.lastUserText;
      break;
    case "tool-calls":
      text = scenario.text ?? "";
      toolCalls = scenario.toolCalls;
      break;
    case "tool-echo":
      toolCalls = [{ id: "toolu_01EchoFake", name: scenario.name, arguments: JSON.stringify({ text: request.lastUserText }) }];
      break;
    case "error-status":
      break;
    default:
      text = scenario.text;
  }
  const completionTokens = splitIntoPieces(text).length + toolCalls.length * 8;
  return {
    model: scenario.model ?? request.model,
    ...(scenario.echoThinking ? { thinking: `Thinking about: ${request.lastUserText}` } : scenario.thinking === undefined ? {} : { thinking: scenario.thinking }),
    text,
    toolCalls,
    usage: scenario.usage ?? { promptTokens: Math.ceil(rawBody.length / 4), completionTokens },
    ...(scenario.stopReason === undefined ? {} : { stopReason: scenario.stopReason }),
  };
}

