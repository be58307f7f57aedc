import { EventEmitter } from "node:events";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** How an exchange ended, as the fake saw it; `pending` while it runs. */
export type RequestOutcome = "pending" | "completed" | "client-closed" | "cut-by-fake";

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  path: string;
  /** As Node parsed them: lower-case names. */
  headers: IncomingHttpHeaders;
  /** The raw body text, byte for byte as sent. */
  body: string;
  outcome: RequestOutcome;
}

/** One request as a fake provider's answer sees it, after it was recorded. */
export interface RecordedExchange {
  record: RecordedRequest;
  /** Its place in `received`, e.g. to seed the write sizes per request. */
  index: number;
  /** Call before the fake destroys the socket on purpose, so the outcome reads `cut-by-fake`. */
  markCutByFake(): void;
}

/** What every fake provider offers its tests: what reached it, and how each exchange ended. */
export interface RecordingServer {
  readonly port: number;
  readonly received: RecordedRequest[];
  /** TCP connections accepted so far: 0 proves nothing reached the provider. */
  readonly connections: number;
  /** Resolves once request `index` (in `received` order) has ended, with how it ended. */
  waitForOutcome(index: number): Promise<Exclude<RequestOutcome, "pending">>;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1, port 0, that records every request byte for byte before
 * `answer` runs, and tracks how each exchange ended. A failing answer destroys its response.
 */
export async function startRecordingServer(answer: (request: IncomingMessage, response: ServerResponse, exchange: RecordedExchange) => Promise<void>): Promise<RecordingServer> {
  const received: RecordedRequest[] = [];
  const changes = new EventEmitter();
  const sockets = new Set<Socket>();
  let connections = 0;

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => response.destroy());
  });
  server.on("connection", (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const record: RecordedRequest = { method: request.method ?? "", path: request.url ?? "", headers: request.headers, body, outcome: "pending" };
    const index = received.push(record) - 1;
    let cutByFake = false;
    response.on("close", () => {
      record.outcome = cutByFake ? "cut-by-fake" : response.writableFinished ? "completed" : "client-closed";
      changes.emit("change");
    });
    changes.emit("change");
    await answer(request, response, { record, index, markCutByFake: () => (cutByFake = true) });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    received,
    get connections() {
      return connections;
    },
    waitForOutcome(index) {
      return new Promise((resolve) => {
        const check = (): void => {
          const outcome = received[index]?.outcome;
          if (outcome === undefined || outcome === "pending") return;
          changes.off("change", check);
          resolve(outcome);
        };
        changes.on("change", check);
        check();
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A JSON answer with its status. */
export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(value));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
