import { describe, expect, it } from "vitest";
import { parseGatewayMessage, parseSupervisorMessage } from "./desktop-messages.js";

describe("desktop message protocol", () => {
  it("accepts exactly the supervisor's three requests", () => {
    expect(parseSupervisorMessage({ type: "login-url" })).toEqual({ type: "login-url" });
    expect(parseSupervisorMessage({ type: "set-local-only", on: true })).toEqual({ type: "set-local-only", on: true });
    expect(parseSupervisorMessage({ type: "shutdown" })).toEqual({ type: "shutdown" });
    for (const message of [
      { type: "set-local-only", on: "yes" },
      { type: "set-local-only" },
      { type: "shutdown", force: true },
      { type: "eval", code: "process.exit()" },
      "shutdown",
      null,
      undefined,
    ]) {
      expect(parseSupervisorMessage(message), JSON.stringify(message)).toBeUndefined();
    }
  });

  it("accepts a ready message with an http(s) URL and an optional login URL, and nothing looser", () => {
    const localOnly = { on: false, forcedByConfig: false };
    expect(parseGatewayMessage({ type: "ready", url: "http://127.0.0.1:8484", localOnly })).toEqual({ type: "ready", url: "http://127.0.0.1:8484", localOnly });
    expect(parseGatewayMessage({ type: "ready", url: "http://127.0.0.1:8484", loginUrl: "http://127.0.0.1:8484/login#code", localOnly })).toMatchObject({
      loginUrl: "http://127.0.0.1:8484/login#code",
    });
    expect(parseGatewayMessage({ type: "ready", url: "file:///etc/passwd", localOnly })).toBeUndefined();
    expect(parseGatewayMessage({ type: "ready", url: "http://127.0.0.1:8484", loginUrl: "javascript:alert(1)", localOnly })).toBeUndefined();
    expect(parseGatewayMessage({ type: "ready", url: "http://127.0.0.1:8484" })).toBeUndefined();
    expect(parseGatewayMessage({ type: "ready", url: "http://127.0.0.1:8484", localOnly, token: "prt_x" })).toBeUndefined();
  });

  it("bounds the text a gateway can put in front of the user", () => {
    expect(parseGatewayMessage({ type: "start-failed", message: "config.yaml: server.port: expected number", retryable: false })).toBeDefined();
    expect(parseGatewayMessage({ type: "start-failed", message: "x".repeat(2001), retryable: true })).toBeUndefined();
    expect(parseGatewayMessage({ type: "request-blocked", reason: "a secret may not leave this machine" })).toBeDefined();
    expect(parseGatewayMessage({ type: "request-blocked", reason: "x".repeat(501) })).toBeUndefined();
    expect(parseGatewayMessage({ type: "local-only", on: true, forcedByConfig: true })).toEqual({ type: "local-only", on: true, forcedByConfig: true });
    expect(parseGatewayMessage({ type: "login-url" })).toEqual({ type: "login-url" });
  });
});
