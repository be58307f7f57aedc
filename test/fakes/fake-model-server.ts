import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * How the fake model host answers the next request:
 * - `normal`: the file, honouring `Range` with 206 and `Content-Range`;
 * - `cut-halfway`: promises the whole file, sends half of what was asked, then drops the connection;
 * - `ignore-range`: always the whole file with 200, as servers without range support do;
 * - `wrong-range`: answers a range request with 206 but from byte 0;
 * - `not-found`: 404.
 */
export type FakeModelServerMode = "normal" | "cut-halfway" | "ignore-range" | "wrong-range" | "not-found";

export interface FakeModelServer {
  /** The file's URL on 127.0.0.1 (any path serves it, after one redirect from `/redirect`). */
  url: string;
  /** Same file, reached through a 302, as Hugging Face's `resolve/` URLs are. */
  redirectUrl: string;
  mode: FakeModelServerMode;
  /** The `Range` header of every request for the file, `undefined` when none was sent. */
  ranges: Array<string | undefined>;
  close(): Promise<void>;
}

/** Serves `content` over plain HTTP on 127.0.0.1, port 0, like a model host would. */
export async function startFakeModelServer(content: Buffer): Promise<FakeModelServer> {
  const sockets = new Set<Socket>();
  const state: FakeModelServer = {
    url: "",
    redirectUrl: "",
    mode: "normal",
    ranges: [],
    close: async () => undefined,
  };
  const server = createServer((request, response) => {
    if (request.url === "/redirect") {
      response.writeHead(302, { location: "/model.gguf" }).end();
      return;
    }
    state.ranges.push(request.headers.range);
    if (state.mode === "not-found") {
      response.writeHead(404, { "content-type": "text/plain" }).end("Entry not found");
      return;
    }
    const range = state.mode === "ignore-range" ? undefined : /^bytes=(\d+)-$/.exec(request.headers.range ?? "");
    const start = range ? Number(range[1]) : 0;
    if (start >= content.length && range) {
      response.writeHead(416, { "content-range": `bytes */${content.length}` }).end();
      return;
    }
    if (range && state.mode === "wrong-range") {
      sendPart(response, content, 0, 206, `bytes 0-${content.length - 1}/${content.length}`);
      return;
    }
    const status = range ? 206 : 200;
    const contentRange = range ? `bytes ${start}-${content.length - 1}/${content.length}` : undefined;
    if (state.mode === "cut-halfway") {
      const body = content.subarray(start);
      response.writeHead(status, { "content-length": String(body.length), "content-type": "application/octet-stream", ...(contentRange ? { "content-range": contentRange } : {}) });
      response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
      return;
    }
    sendPart(response, content, start, status, contentRange);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/model.gguf`;
  state.redirectUrl = `http://127.0.0.1:${port}/redirect`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return state;
}

function sendPart(response: ServerResponse, content: Buffer, start: number, status: number, contentRange: string | undefined): void {
  const body = content.subarray(start);
  response.writeHead(status, {
    "content-length": String(body.length),
    "content-type": "application/octet-stream",
    "accept-ranges": "bytes",
    ...(contentRange ? { "content-range": contentRange } : {}),
  });
  response.end(body);
}
