import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { completionEvents, completionJson, type AnswerRequest } from "./chat-answer.js";

/** Answered at once, in one write. */
export const immediateModel = "bench-model";
/** Streams its events `pacingMilliseconds` apart, so a gateway that holds text back shows it. */
export const pacedModel = "bench-model-paced";
export const pacingMilliseconds = 5;

export interface BenchmarkUpstream {
  url: string;
  close(): Promise<void>;
}

/**
 * A minimal OpenAI-compatible server for benchmarks. Unlike the test fake it does nothing
 * deliberately slow or irregular: it reads the request, answers at once and keeps the
 * connection alive, so what a gateway adds on top stands out.
 */
export async function startBenchmarkUpstream(host = "127.0.0.1"): Promise<BenchmarkUpstream> {
  let counter = 0;
  const server = createServer((request, response) => {
    if (request.method !== "POST" || request.url !== "/v1/chat/completions") {
      sendError(response, 404, "not_found", `no route ${request.method ?? ""} ${request.url ?? ""}`);
      return;
    }
    readBody(request)
      .then((body) => answer(body, response, `chatcmpl-bench-${(counter += 1)}`))
      .catch((error: unknown) => sendError(response, 400, "invalid_request", String(error)));
  });
  // Gateways pool their upstream connections; an idle timeout shorter than theirs causes resets.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

interface ChatBody {
  model?: unknown;
  stream?: unknown;
  stream_options?: { include_usage?: unknown };
  messages?: Array<{ role?: unknown; content?: unknown }>;
}

function answer(bodyText: string, response: ServerResponse, id: string): void {
  const body = JSON.parse(bodyText) as ChatBody;
  const lastUser = [...(body.messages ?? [])].reverse().find((message) => message.role === "user");
  const content = typeof lastUser?.content === "string" ? lastUser.content : "";
  const model = typeof body.model === "string" ? body.model : immediateModel;
  const request: AnswerRequest = {
    model,
    echo: content.slice(content.lastIndexOf("\n\n") + 1).trim().slice(0, 300),
    promptCharacters: bodyText.length,
    includeUsage: body.stream_options?.include_usage === true,
  };
  const created = Math.floor(Date.now() / 1000);
  if (body.stream !== true) {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(completionJson(request, id, created));
    return;
  }
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const events = completionEvents(request, id, created);
  if (model === pacedModel) writePaced(response, events);
  else response.end(events.join(""));
}

/** The role and the first piece of text go out at once, like a provider's first token; the rest is paced. */
function writePaced(response: ServerResponse, events: string[]): void {
  const rest = events.slice(2);
  response.write(events.slice(0, 2).join(""));
  const timer = setInterval(() => {
    const next = rest.shift();
    if (next === undefined || rest.length === 0 || response.destroyed) {
      // The last event ends the response in the same write, as a provider's final chunk does.
      clearInterval(timer);
      response.end(next);
      return;
    }
    response.write(next);
  }, pacingMilliseconds);
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify({ error: { message, type: "invalid_request_error", param: null, code } }));
}
