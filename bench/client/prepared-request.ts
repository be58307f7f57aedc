import type { IncomingHttpHeaders } from "node:http";
import type { Prompt } from "../prompts/build-prompt.js";
import type { Target } from "./target.js";

/** One request, serialized once and sent many times, so the client does the least work per send. */
export interface PreparedRequest {
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
  stream: boolean;
  /** JSON-escaped, so it can be looked for in a JSON body as well as in the streamed text. */
  expectedInAnswer: string;
  /** A reason to reject an answer from its headers, or undefined when they are fine. */
  checkHeaders(headers: IncomingHttpHeaders): string | undefined;
}

export function prepareRequest(target: Target, prompt: Prompt, options: { stream: boolean; upstreamModel: string }): PreparedRequest {
  const body = Buffer.from(
    JSON.stringify({
      model: target.model(options.upstreamModel),
      messages: [
        { role: "system", content: "You are a concise assistant." },
        { role: "user", content: prompt.text },
      ],
      max_tokens: 200,
      ...(options.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
    }),
  );
  return {
    url: new URL("/v1/chat/completions", target.origin),
    headers: { ...target.headers, "content-type": "application/json", "content-length": String(body.length) },
    body,
    stream: options.stream,
    expectedInAnswer: JSON.stringify(prompt.expectedInAnswer).slice(1, -1),
    checkHeaders: target.name === "privacy-router" ? (headers) => checkPrivacyRouterHeaders(headers, prompt.expectedRedactions) : () => undefined,
  };
}

/** The privacy path must have run in full: routed to the cloud provider, with the expected replacements. */
function checkPrivacyRouterHeaders(headers: IncomingHttpHeaders, expectedRedactions: number): string | undefined {
  const route = headers["x-privacy-router-route"];
  const redactions = headers["x-privacy-router-redactions"];
  if (route !== "cloud") return `Privacy Router routed the request to \`${String(route)}\`, not to the cloud provider`;
  if (redactions !== String(expectedRedactions)) return `Privacy Router replaced ${String(redactions)} values, expected ${expectedRedactions}`;
  return undefined;
}
