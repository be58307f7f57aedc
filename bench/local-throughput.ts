// `npm run bench:local`: generation speed of the local tier through the whole gateway (HTTP,
// classification, audit, SSE) against node-llama-cpp called directly on the same model file,
// at 1, 2 and 4 requests at once. Both run in this process, loaded side by side and measured in
// turns, so noise from other work on the machine falls on both alike.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PassThrough } from "node:stream";
import { getLlama, LlamaChat, LlamaLogLevel, resolveChatWrapper, type ChatHistoryItem } from "node-llama-cpp";
import { stringify } from "yaml";
import { loadConfig } from "../gateway/config/load-config.js";
import { createLogger } from "../gateway/logging/logger.js";
import { createLocalTier } from "../gateway/models/create-local-tier.js";
import { createMemoryKeychain } from "../gateway/secrets/memory-keychain.js";
import { startGateway } from "../gateway/server/start-gateway.js";
import { generateTestModel } from "../models/test-model.js";
import { isTestModelShapeName, type TestModelShapeName } from "../models/test-model-shapes.js";
import { repositoryRoot } from "./repository-root.js";

const usage = `usage: npm run bench:local -- [--model FILE.gguf | --shape qwen-0.5b] [--tokens 64] [--runs 3] [--concurrency 1,2,4]`;
const { values } = parseArgs({
  options: {
    model: { type: "string" },
    shape: { type: "string", default: "qwen-0.5b" },
    tokens: { type: "string", default: "64" },
    runs: { type: "string", default: "3" },
    concurrency: { type: "string", default: "1,2,4" },
    help: { type: "boolean" },
  },
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const maxTokens = Number(values.tokens);
const runs = Number(values.runs);
const levels = (values.concurrency ?? "1,2,4").split(",").map(Number);
const contextSize = 1024;
const threads = availableParallelism();
const system = "You are a helpful assistant. Answer briefly.";
const question = "Write a short note about the weather in Oslo this week, for a colleague.";
const temperature = 0.7;

interface Sample {
  ttftMs: number;
  tokens: number;
  totalMs: number;
}

interface Round {
  path: "direct" | "gateway";
  concurrency: number;
  wallMs: number;
  samples: Sample[];
}

async function main(): Promise<void> {
  const shape = values.shape ?? "qwen-0.5b";
  if (!isTestModelShapeName(shape)) throw new Error(`--shape: unknown shape ${shape}`);
  const modelPath = values.model ?? (await generatedModel(shape));
  const maxConcurrency = Math.max(...levels);
  process.stdout.write(`model ${modelPath}\n${threads} threads, context ${contextSize}, ${maxTokens} tokens per answer, ${runs} runs, concurrency ${levels.join("/")}\n`);

  // Direct: node-llama-cpp as an application would call it, with the same settings as the gateway.
  const llama = await getLlama({ maxThreads: threads, gpu: "auto", build: "never", skipDownload: true, progressLogs: false, logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize, sequences: maxConcurrency, threads });
  const sequences = Array.from({ length: maxConcurrency }, () => context.getSequence());
  const chatWrapper = resolveChatWrapper(model);
  const history: ChatHistoryItem[] = [
    { type: "system", text: system },
    { type: "user", text: question },
  ];

  const direct = async (index: number, seed: number): Promise<Sample> => {
    const sequence = sequences[index];
    if (!sequence) throw new Error("no sequence");
    const chat = new LlamaChat({ contextSequence: sequence, chatWrapper });
    const started = performance.now();
    let first: number | undefined;
    const meter = sequence.tokenMeter.getState();
    try {
      await chat.generateResponse([...history, { type: "model", response: [] }], {
        maxTokens,
        temperature,
        seed,
        onTextChunk: () => (first ??= performance.now()),
      });
    } finally {
      chat.dispose({ disposeSequence: false });
    }
    const end = performance.now();
    // The history stays, as in the gateway's sequences: a prompt that repeats a past one reuses its evaluated prefix on both paths.
    return { ttftMs: (first ?? end) - started, tokens: sequence.tokenMeter.diff(meter).usedOutputTokens, totalMs: end - started };
  };

  // Through the gateway: a real data directory, audit trail and client token; HTTP streaming from this process.
  const dataDir = mkdtempSync(join(tmpdir(), "pr-bench-local-"));
  writeFileSync(join(dataDir, "config.yaml"), stringify({ local: { model: modelPath, contextSize, sequences: maxConcurrency, idleUnloadSeconds: 0 } }));
  const { config } = loadConfig(dataDir);
  const gateway = await startGateway({
    dataDir,
    config,
    logger: createLogger(new PassThrough().resume(), "warn"),
    port: 0,
    env: {},
    createLocalTier,
    auditKeychain: createMemoryKeychain(),
  });
  const token = gateway.tokens.create("bench");
  const viaGateway = async (_index: number, seed: number): Promise<Sample> => {
    const started = performance.now();
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        model: "local",
        messages: [
          { role: "system", content: system },
          { role: "user", content: question },
        ],
        max_tokens: maxTokens,
        temperature,
        seed,
        stream: true,
        stream_options: { include_usage: true },
      }),
    });
    if (!response.ok || !response.body) throw new Error(`gateway answered ${response.status}: ${await response.text()}`);
    let first: number | undefined;
    let tokens = 0;
    let buffered = "";
    const decoder = new TextDecoder();
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk, { stream: true });
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (!line.startsWith("data:") || line === "data: [DONE]") continue;
        const event = JSON.parse(line.slice(5)) as { choices?: Array<{ delta?: { content?: string } }>; usage?: { completion_tokens?: number } };
        if (event.choices?.[0]?.delta?.content) first ??= performance.now();
        if (event.usage?.completion_tokens !== undefined) tokens = event.usage.completion_tokens;
      }
    }
    const end = performance.now();
    return { ttftMs: (first ?? end) - started, tokens, totalMs: end - started };
  };

  const rounds: Round[] = [];
  const runRound = async (path: Round["path"], concurrency: number, run: number): Promise<void> => {
    const call = path === "direct" ? direct : viaGateway;
    const started = performance.now();
    const samples = await Promise.all(Array.from({ length: concurrency }, (_, index) => call(index, 1000 * run + index)));
    rounds.push({ path, concurrency, wallMs: performance.now() - started, samples });
  };

  // Warm-up: the first evaluation pays for memory mapping and graph allocation.
  await runRound("direct", 1, -1);
  await runRound("gateway", 1, -1);
  rounds.length = 0;
  for (let run = 0; run < runs; run++) {
    for (const concurrency of levels) {
      // Alternate which path goes first, so a slow patch of the machine does not always hit the same one.
      const order: Round["path"][] = run % 2 === 0 ? ["direct", "gateway"] : ["gateway", "direct"];
      for (const path of order) await runRound(path, concurrency, run);
    }
    process.stdout.write(`run ${run + 1}/${runs} done\n`);
  }
  await gateway.close();
  await context.dispose();
  await model.dispose();
  await llama.dispose();
  rmSync(dataDir, { recursive: true, force: true });

  const lines = report(rounds);
  process.stdout.write(`${lines.join("\n")}\n`);
  const resultsDirectory = join(repositoryRoot(), "bench", "results");
  mkdirSync(resultsDirectory, { recursive: true });
  const file = join(resultsDirectory, `local-throughput-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify({ modelPath, threads, contextSize, maxTokens, runs, levels, rounds }, null, 2)}\n`);
  process.stdout.write(`raw figures: ${file}\n`);
}

function report(rounds: Round[]): string[] {
  const lines = ["", "concurrency | path    | tokens/s, all requests (median round) | tokens/s per request (median) | TTFT median | gateway/direct"];
  for (const concurrency of levels) {
    const figures = (path: Round["path"]) => {
      const selected = rounds.filter((round) => round.path === path && round.concurrency === concurrency);
      // Medians over rounds: on a shared machine one round can stall for tens of seconds, and a sum would be that round.
      const throughput = median(selected.map((round) => (round.samples.reduce((sum, sample) => sum + sample.tokens, 0) * 1000) / round.wallMs));
      const samples = selected.flatMap((round) => round.samples);
      const perRequest = median(samples.map((sample) => (sample.tokens * 1000) / sample.totalMs));
      return { throughput, perRequest, ttft: median(samples.map((sample) => sample.ttftMs)) };
    };
    const direct = figures("direct");
    const gateway = figures("gateway");
    const ratio = gateway.throughput / direct.throughput;
    lines.push(`${String(concurrency).padStart(11)} | direct  | ${direct.throughput.toFixed(1).padStart(37)} | ${direct.perRequest.toFixed(1).padStart(29)} | ${direct.ttft.toFixed(0).padStart(8)} ms |`);
    lines.push(`${String(concurrency).padStart(11)} | gateway | ${gateway.throughput.toFixed(1).padStart(37)} | ${gateway.perRequest.toFixed(1).padStart(29)} | ${gateway.ttft.toFixed(0).padStart(8)} ms | ${(ratio * 100).toFixed(1)}%`);
  }
  return lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The generated model is cached in the temp folder: writing 500 MB of random weights takes a while. */
async function generatedModel(shape: TestModelShapeName): Promise<string> {
  const path = join(tmpdir(), `privacy-router-bench-${shape}.gguf`);
  if (!existsSync(path)) {
    process.stdout.write(`generating a ${shape}-shaped model (random weights) at ${path}\n`);
    await generateTestModel({ outPath: `${path}.tmp`, shape, seed: 7 });
    renameSync(`${path}.tmp`, path);
  }
  return path;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:local: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
