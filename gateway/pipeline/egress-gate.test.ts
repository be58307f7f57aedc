import { describe, expect, it } from "vitest";
import { defaultDetectors } from "../detection/detect.js";
import { createEgressGate } from "./egress-gate.js";
import { egressContext } from "./egress-context.js";
import type { OutboundRequest } from "./egress.js";

function gateWithRecorder(key: string | null = "sk-gate-test-0123456789abcdef") {
  const sent: Array<{ url: string; init: RequestInit }> = [];
  const gate = createEgressGate({
    baseUrls: new Map([["acme", "https://api.acme.test/v1"]]),
    resolveKey: async () => key ?? undefined,
    detectors: defaultDetectors,
    fetch: (async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response("{}");
    }) as unknown as typeof fetch,
  });
  return { gate, sent };
}

const request = (body: unknown, url = "https://api.acme.test/v1/chat/completions"): OutboundRequest => ({
  providerId: "acme",
  url,
  method: "POST",
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
  signal: new AbortController().signal,
});

const withContext = <T>(allowed: string[], run: () => Promise<T>, cleanTexts?: Set<string>) =>
  egressContext.run({ allowedTypes: new Set(allowed as never[]), ...(cleanTexts ? { cleanTexts } : {}) }, run);

describe("the egress gate", () => {
  it("sends a clean body to the configured base URL with the key, and no redirects", async () => {
    const { gate, sent } = gateWithRecorder();
    await withContext([], () => gate.send(request({ messages: [{ role: "user", content: "hello [EMAIL_1234]" }] })));
    expect(sent).toHaveLength(1);
    expect((sent[0]?.init.headers as Record<string, string>).authorization).toBe("Bearer sk-gate-test-0123456789abcdef");
    expect(sent[0]?.init.redirect).toBe("error");
  });

  it.each([
    ["another host", "https://evil.test/v1/chat/completions"],
    ["another path", "https://api.acme.test/v2/chat/completions"],
    ["credentials in the URL", "https://user:pass@api.acme.test/v1/chat/completions"],
  ])("refuses %s", async (_name, url) => {
    const { gate, sent } = gateWithRecorder();
    await expect(withContext([], () => gate.send(request({ messages: [] }, url)))).rejects.toMatchObject({ code: "policy_blocked" });
    expect(sent).toHaveLength(0);
  });

  it("stops a body that still holds a value, even JSON-escaped or as an object key", async () => {
    const { gate, sent } = gateWithRecorder();
    const escaped = '{"messages":[{"role":"user","content":"mail ada\\u0040example.com"}]}';
    await expect(withContext([], () => gate.send(request(escaped)))).rejects.toMatchObject({ code: "policy_blocked" });
    await expect(withContext([], () => gate.send(request({ metadata: { "AKIAIOSFODNN7EXAMPLE": 1 } })))).rejects.toMatchObject({ code: "policy_blocked" });
    await expect(withContext([], () => gate.send(request("not json")))).rejects.toMatchObject({ code: "policy_blocked" });
    expect(sent).toHaveLength(0);
  });

  it("lets through only the types the policy forwards, and fails closed without a context", async () => {
    const { gate, sent } = gateWithRecorder();
    const body = { messages: [{ role: "user", content: "see https://docs.acme-corp.io/guide" }] };
    await expect(gate.send(request(body))).rejects.toMatchObject({ code: "policy_blocked" });
    await withContext(["URL"], () => gate.send(request(body)));
    expect(sent).toHaveLength(1);
  });

  it("trusts texts classification found clean, and scans everything else", async () => {
    const { gate, sent } = gateWithRecorder();
    const clean = "a text the pipeline already scanned";
    await withContext([], () => gate.send(request({ messages: [{ role: "user", content: clean }] })), new Set([clean]));
    await expect(withContext([], () => gate.send(request({ messages: [{ role: "user", content: `${clean} bob@example.com` }] })), new Set([clean]))).rejects.toMatchObject({ code: "policy_blocked" });
    expect(sent).toHaveLength(1);
  });

  it("says how to set a missing key", async () => {
    const { gate } = gateWithRecorder(null);
    await expect(withContext([], () => gate.send(request({ messages: [] })))).rejects.toMatchObject({ code: "provider_key_missing", message: expect.stringContaining("PRIVACY_ROUTER_KEY_ACME") });
  });
});
