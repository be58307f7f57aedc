import { describe, expect, it } from "vitest";
import { handleTrusted, isTrustedSender, type IpcSenderEvent } from "./trusted-ipc.js";

const gateway = "http://127.0.0.1:8484";
const from = (url: string | null): IpcSenderEvent => ({ senderFrame: url === null ? null : { url } });

describe("IPC sender validation", () => {
  it("trusts only a frame on the gateway's exact origin", () => {
    expect(isTrustedSender(from("http://127.0.0.1:8484/audit"), gateway)).toBe(true);
    expect(isTrustedSender(from("http://127.0.0.1:8485/"), gateway)).toBe(false);
    expect(isTrustedSender(from("http://localhost:8484/"), gateway)).toBe(false);
    expect(isTrustedSender(from("https://evil.example/"), gateway)).toBe(false);
    expect(isTrustedSender(from("data:text/html,hi"), gateway)).toBe(false);
    expect(isTrustedSender(from("file:///app/index.html"), gateway)).toBe(false);
    expect(isTrustedSender(from(null), gateway)).toBe(false);
    expect(isTrustedSender(from("http://127.0.0.1:8484/"), undefined)).toBe(false);
  });

  it("runs a handler registered through handleTrusted only for the gateway's UI", async () => {
    const handlers = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => unknown>();
    const calls: unknown[][] = [];
    let origin: string | undefined = gateway;
    handleTrusted({ handle: (channel, listener) => void handlers.set(channel, listener) }, "desktop:ping", () => origin, (_event, ...args) => {
      calls.push(args);
      return "pong";
    });
    const handler = handlers.get("desktop:ping");
    expect(handler?.(from("http://127.0.0.1:8484/"), 1)).toBe("pong");
    expect(() => handler?.(from("https://evil.example/"), 2)).toThrow("refused desktop:ping: the sender is not the Privacy Router UI");
    // The gateway restarted on another port: the old origin is no longer trusted.
    origin = "http://127.0.0.1:9000";
    expect(() => handler?.(from("http://127.0.0.1:8484/"), 3)).toThrow(/refused/);
    expect(calls).toEqual([[1]]);
  });
});
