import { emailPrompt, prosePrompt, type Prompt } from "./prompts/build-prompt.js";
import { immediateModel, pacedModel, pacingMilliseconds } from "./upstream/benchmark-upstream.js";

/** One row group of the report: one prompt, one way of asking, one number of clients. */
export interface CellPlan {
  id: string;
  label: string;
  prompt: Prompt;
  stream: boolean;
  upstreamModel: string;
  concurrency: number;
  /** Measured requests per path, spread over the rounds. */
  requests: number;
  /** Requests per path before measuring: connections opened, code compiled, caches warm. */
  warmup: number;
}

const sequential = { concurrency: 1, requests: 300, warmup: 50 };
const concurrent = { concurrency: 16, requests: 1000, warmup: 200 };

/** Every cell of a run; `scale` shrinks the counts for a quick look (the shape stays the same). */
export function planCells(scale: number): CellPlan[] {
  const prompts = [prosePrompt(1024), prosePrompt(4096), prosePrompt(32 * 1024), emailPrompt(4096)];
  const cells: CellPlan[] = [];
  for (const prompt of prompts) {
    cells.push(cell(prompt, "non-stream", false, immediateModel, sequential));
    cells.push(cell(prompt, "non-stream", false, immediateModel, concurrent));
  }
  const prose = prosePrompt(4096);
  const emails = emailPrompt(4096);
  cells.push(cell(prose, "stream", true, immediateModel, sequential));
  cells.push(cell(prose, "stream", true, immediateModel, concurrent));
  cells.push(cell(emails, "stream", true, immediateModel, sequential));
  // A paced stream shows whether a gateway passes the first text on at once or holds it back.
  const paced = { concurrency: 1, requests: 100, warmup: 20 };
  cells.push(cell(prose, `stream paced ${pacingMilliseconds} ms`, true, pacedModel, paced));
  cells.push(cell(emails, `stream paced ${pacingMilliseconds} ms`, true, pacedModel, paced));
  return cells.map((plan) => ({
    ...plan,
    requests: Math.max(plan.concurrency, Math.round(plan.requests * scale)),
    warmup: Math.max(plan.concurrency, Math.round(plan.warmup * scale)),
  }));
}

function cell(prompt: Prompt, kind: string, stream: boolean, upstreamModel: string, load: { concurrency: number; requests: number; warmup: number }): CellPlan {
  const clients = load.concurrency === 1 ? "1 client" : `${load.concurrency} clients`;
  return {
    id: `${prompt.label}, ${kind}, ${clients}`.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    label: `${prompt.label}, ${kind}, ${clients}`,
    prompt,
    stream,
    upstreamModel,
    ...load,
  };
}
