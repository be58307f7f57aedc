import { Server } from "node:net";

/**
 * Loaded with `node --import` into Portkey's gateway. Its command line has a port option but
 * no host option, so it listens on every interface; the benchmark must not open a port to the
 * network, so a listen without a host is bound to 127.0.0.1 instead.
 */
const originalListen = Server.prototype.listen;

Server.prototype.listen = function listenOnLoopback(this: Server, ...parameters: unknown[]): Server {
  const [port, host] = parameters;
  if (typeof port === "number" && (host === undefined || typeof host === "function")) {
    parameters.splice(1, host === undefined ? 1 : 0, "127.0.0.1");
  }
  return (originalListen as (...values: unknown[]) => Server).apply(this, parameters);
} as typeof Server.prototype.listen;
