/** One way of reaching the upstream: directly, or through a gateway. */
export interface Target {
  name: PathName;
  /** `http://127.0.0.1:PORT`; every path posts to `/v1/chat/completions` under it. */
  origin: string;
  headers: Record<string, string>;
  /** The model name this path takes for an upstream model. */
  model(upstreamModel: string): string;
}

export type PathName = "direct" | "privacy-router" | "portkey";

export const pathNames: readonly PathName[] = ["direct", "privacy-router", "portkey"];

/** A made-up provider key, shaped like OpenAI's, that each path hands the upstream. */
export const upstreamKey = "sk-bench-0123456789abcdefghijABCDEFGHIJ";

export function directTarget(upstreamUrl: string): Target {
  return { name: "direct", origin: upstreamUrl, headers: { authorization: `Bearer ${upstreamKey}` }, model: (model) => model };
}
