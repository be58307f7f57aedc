import type { IncomingMessage, ServerResponse } from "node:http";
import {
  completionBody,
  openAIErrorBody,
  splitIntoPieces,
  splitArguments,
  streamedAnswerPayloads,
  type FakeAnswer,
  type FakeToolCall,
  type FakeUsage,
} from "./fake-openai-chunks.js";
import { sendJson, startRecordingServer, type RecordedExchange, type RecordedRequest, type RequestOutcome } from "./recording-server.js";
import { createSeededRandom } from "./seeded-random.js";
import { waitUnlessClosed, writeInPieces } from "./write-in-pieces.js";

export type { FakeToolCall, FakeUsage };

/**
 * A fake OpenAI-compatible provider on 127.0.0.1, port 0. It records exactly what reached it
 * (the point of most tests: what did the provider see?) and answers per scenario, writing its
 * bytes in PRNG-sized pieces so splits fall inside `data:` lines and inside UTF-8 characters.
 */

export type { RecordedRequest, RequestOutcome };

interface ScenarioSettings {
  /** Wait this long before sending the status line and headers. */
  headersDelayMs?: number;
  /** The `model` the answer reports; defaults to the request's `model`. */
  model?: string;
  /** Reported in the usage chunk; defaults to a count derived from the request and answer. */
  usage?: FakeUsage;
  /** Pause between two writes of the body; by default the next turn of the event loop. */
  writeDelayMs?: number;
  /** Pause between the last event and the end of the body, as busy servers do. */
  endDelayMs?: number;
}

/**
 * What the next `POST /v1/chat/completions` gets. Text-bearing scenarios answer with a stream
 * when the request says `stream: true`, otherwise with one JSON completion. `afterEvents`
 * counts the `data:` events sent intact before the scenario's twist.
 */
export type FakeScenario = ScenarioSettings &
  (
    | { kind: "text"; text: string }
    /** The answer is `prefix` plus the text of the last user message, as the provider saw it. */
    | { kind: "echo"; prefix?: string }
    | { kind: "tool-calls"; toolCalls: FakeToolCall[]; text?: string }
    /** An error status with an OpenAI error body (or `body` verbatim). */
    | { kind: "error-status"; status: number; message?: string; errorType?: string; errorCode?: string | null; body?: string }
    /** Sends part of the answer and half of the next event, then destroys the socket or ends the response. */
    | { kind: "cut"; text: string; afterEvents: number; how?: "destroy-socket" | "end-response" }
    /** Sends part of the answer, then nothing more while keeping the connection open. */
    | { kind: "stall"; text: string; afterEvents: number }
    /** A chunk of truncated JSON after `afterEvents` events, then the rest of the answer. */
    | { kind: "malformed-chunk"; text: string; afterEvents: number }
    /** An OpenAI error object inside the stream after `afterEvents` events, then the end. */
    | { kind: "stream-error"; text: string; afterEvents: number; message: string }
  );

export interface FakeOpenAIProviderOptions {
  scenario?: FakeScenario;
  /** Seeds the PRNG that sizes the body writes; each request gets `seed + its index`. */
  seed?: number;
  /** Largest single write in bytes (at least 1). */
  maxWriteBytes?: number;
  /** Listed by `GET /v1/models`. */
  models?: string[];
}

export interface FakeOpenAIProvider {
  /** `http://127.0.0.1:<port>/v1` */
  readonly baseUrl: string;
  readonly port: number;
  readonly received: RecordedRequest[];
  /** TCP connections accepted so far: 0 proves nothing reached the provider. */
  readonly connections: number;
  setScenario(scenario: FakeScenario): void;
  /** Resolves once request `index` (in `received` order) has ended, with how it ended. */
  waitForOutcome(index: number): Promise<Exclude<RequestOutcome, "pending">>;
  close(): Promise<void>;
}

export const defaultFakeText = "Hello from the fake provider.";

export async function startFakeOpenAIProvider(options: FakeOpenAIProviderOptions = {}): Promise<FakeOpenAIProvider> {
  let scenario: FakeScenario = options.scenario ?? { kind: "text", text: defaultFakeText };
  const seed = options.seed ?? 1;
  const maxWriteBytes = Math.max(1, options.maxWriteBytes ?? 16);
  const models = options.models ?? ["fake-model"];
  async function answer(_request: IncomingMessage, response: ServerResponse, { record, index, markCutByFake }: RecordedExchange): Promise<void> {
    const { body } = record;
    const current = scenario;

    const pathname = record.path.split("?")[0];
    if (record.method === "GET" && pathname === "/v1/models") {
      return sendJson(response, 200, {
        object: "list",
        data: models.map((id) => ({ id, object: "model", created: 1_700_000_000, owned_by: "fake" })),
      });
    }
    if (pathname !== "/v1/chat/completions") {
      return sendJson(response, 404, openAIErrorBody(`Unknown path ${pathname ?? ""}.`, "invalid_request_error", "unknown_url"));
    }
    if (record.method !== "POST") {
      return sendJson(response, 405, openAIErrorBody("Use POST.", "invalid_request_error", null));
    }
    const parsed = parseRequest(body);
    if (parsed === undefined) {
      return sendJson(response, 400, openAIErrorBody("The body is not a chat-completions request.", "invalid_request_error", null));
    }

    if (current.headersDelayMs !== undefined && !(await waitUnlessClosed(current.headersDelayMs, response))) return;

    if (current.kind === "error-status") {
      const errorBody =
        current.body ??
        JSON.stringify(
          openAIErrorBody(
            current.message ?? `The fake provider failed with status ${current.status}.`,
            current.errorType ?? (current.status === 429 ? "rate_limit_exceeded" : "server_error"),
            current.errorCode ?? null,
          ),
        );
      response.writeHead(current.status, { "content-type": "application/json" });
      response.end(errorBody);
      return;
    }

    const answer = answerFor(current, parsed, body);
    if (parsed.stream !== true) return sendJson(response, 200, completionBody(answer));

    const payloads = streamedAnswerPayloads(answer, parsed.includeUsage);
    const random = createSeededRandom(seed + index);
    response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
    response.flushHeaders();
    const write = (text: string): Promise<boolean> => writeInPieces(response, text, random, maxWriteBytes, current.writeDelayMs);

    switch (current.kind) {
      case "cut": {
        const kept = payloads.slice(0, current.afterEvents).map(toEvent).join("");
        const next = toEvent(payloads[current.afterEvents] ?? "[DONE]");
        if (!(await write(kept + next.slice(0, Math.floor(next.length / 2))))) return;
        if (current.how === "end-response") {
          response.end();
        } else {
          markCutByFake();
          response.socket?.destroy();
        }
        return;
      }
      case "stall": {
        if (!(await write(payloads.slice(0, current.afterEvents).map(toEvent).join("")))) return;
        await new Promise<void>((resolve) => response.once("close", resolve));
        return;
      }
      case "malformed-chunk": {
        const broken = 'data: {"id":"chatcmpl-fake","choices":[{"index":0,"delta":{"content":"bro\n\n';
        const text = [...payloads.slice(0, current.afterEvents).map(toEvent), broken, ...payloads.slice(current.afterEvents).map(toEvent)].join("");
        if (await write(text)) response.end();
        return;
      }
      case "stream-error": {
        const error = JSON.stringify(openAIErrorBody(current.message, "server_error", null));
        const text = payloads.slice(0, current.afterEvents).map(toEvent).join("") + toEvent(error);
        if (await write(text)) response.end();
        return;
      }
      default: {
        if (!(await write(payloads.map(toEvent).join("")))) return;
        if (current.endDelayMs !== undefined && !(await waitUnlessClosed(current.endDelayMs, response))) return;
        response.end();
      }
    }
  }

  const server = await startRecordingServer(answer);
  return {
    baseUrl: `http://127.0.0.1:${server.port}/v1`,
    port: server.port,
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
  includeUsage: boolean;
  lastUserText: string;
}

function parseRequest(body: string): ParsedRequest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const request = value as { model?: unknown; stream?: unknown; stream_options?: { include_usage?: unknown }; messages?: unknown };
  if (typeof request.model !== "string" || !Array.isArray(request.messages)) return undefined;
  const lastUser = [...(request.messages as { role?: unknown; content?: unknown }[])].reverse().find((message) => message.role === "user");
  return {
    model: request.model,
    stream: request.stream === true,
    includeUsage: request.stream_options?.include_usage === true,
    lastUserText: textOf(lastUser?.content),
  };
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((part): part is { type: "text"; text: string } => typeof part === "object" && part !== null && part.type === "text")
    .map((part) => part.text)
    .join("\n");
}

function answerFor(scenario: FakeScenario, request: ParsedRequest, rawBody: string): FakeAnswer {
  let text = "";
  let toolCalls: FakeToolCall[] = [];
  if (scenario.kind === "echo") text = (scenario.prefix ?? "") + request.lastUserText;
  else if (scenario.kind === "tool-calls") {
    text = scenario.text ?? "";
    toolCalls = scenario.toolCalls;
  } else if (scenario.kind !== "error-status") text = scenario.text;
  const completionTokens =
    splitIntoPieces(text).length + toolCalls.reduce((sum, toolCall) => sum + splitArguments(toolCall.arguments).length + 1, 0);
  return {
    model: scenario.model ?? request.model,
    text,
    toolCalls,
    usage: scenario.usage ?? { promptTokens: Math.ceil(rawBody.length / 4), completionTokens },
  };
}

function toEvent(payload: string): string {
  return `data: ${payload}\n\n`;
}

