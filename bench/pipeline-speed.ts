// The privacy path without the network: detection, then the whole plan (extraction,
// classification, special categories, difficulty, decision, pseudonymization), for prompts of
// about 1,000 tokens, on one core. The baseline, measured in the same run, is the floor any
// scanner pays: one regular-expression pass for e-mail addresses over the same text.
//
//   npm run bench:pipeline            (about a minute)
import { configSchema } from "../gateway/config/config-schema.js";
import { defaultDetectors, detect } from "../gateway/detection/detect.js";
import { planChat, type ChatPipelineDependencies } from "../gateway/pipeline/plan-chat.js";
import { decide } from "../gateway/policy/decide.js";
import { estimateDifficulty } from "../gateway/policy/difficulty/estimate-difficulty.js";
import { SpendLedger } from "../gateway/policy/spend-ledger.js";
import type { ChatModel } from "../gateway/providers/chat-model.js";
import { emailPrompt, prosePrompt } from "./prompts/build-prompt.js";
import { summarize, type Summary } from "./statistics/summarize.js";

const iterations = Number(process.env.BENCH_ITERATIONS ?? 2000);

const personal =
  "Dear Dr. Helena Vogt, thank you for meeting Marco Bianchi at 14 Rue de la Paix, 75002 Paris last Tuesday. " +
  "You can reach me on +44 20 7946 0958 or helena.vogt@klinik-nord.de; my colleague Jan de Vries (BSN 111222333) will send the invoice to IBAN DE89 3704 0044 0532 0130 00.";
const code =
  "```ts\nexport async function upload(bucket: string, key: string) {\n  const client = new S3Client({ region: \"eu-west-1\" });\n  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key }));\n}\n```\n" +
  "The EKS job fails with exit code 137 after commit 3f786850e387550fdab836ed7e6dc881de23001b; see build 4.2.1.";

const prompts = [
  { label: "1,000 tokens of prose", text: prosePrompt(4200).text },
  { label: "1,000 tokens with e-mails", text: emailPrompt(4200).text },
  { label: "1,000 tokens mixed (names, address, phone, IBAN, code)", text: `${prosePrompt(3000).text}\n\n${personal}\n\n${code}` },
  // A long context dense with findings (thousands of them): what resolving overlaps costs at scale.
  { label: "100 KB dense with personal data (2,880 findings)", text: Array.from({ length: 360 }, () => personal).join("\n\n"), runs: Math.max(20, Math.round(iterations / 40)) },
];

const config = configSchema.parse({
  providers: [{ id: "acme", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", models: ["big"] }],
  routing: { strong: "acme/big" },
});
const unused: ChatModel = { providerId: "none", doStream: () => Promise.reject(new Error("never called")) };
const dependencies: ChatPipelineDependencies = {
  config,
  policyVersion: "bench",
  detectors: defaultDetectors,
  localModel: unused,
  cloudModel: () => unused,
  estimateDifficulty,
  localOnly: () => false,
  budgets: new SpendLedger(config),
  pseudonymSecret: Buffer.alloc(32, 9),
};

function measure(run: () => unknown, runs = iterations): Summary {
  for (let index = 0; index < Math.min(200, runs); index++) run();
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const format = (value: number): string => value.toFixed(3).padStart(8);

console.log(`pipeline speed, ${iterations} runs per row after warm-up (fewer for the long prompt); one core; ms`);
console.log("prompt".padEnd(58), "baseline p50", "  detect p50/p99", "   plan p50/p99", "  plan ratio", " detect MB/s");
for (const prompt of prompts) {
  const request = { model: "acme/big", messages: [{ role: "user" as const, content: prompt.text }] };
  const baseline = measure(() => prompt.text.match(emailPattern));
  const detection = measure(() => detect(prompt.text), prompt.runs);
  const plan = measure(() => planChat(request, dependencies, "bench"), prompt.runs);
  const megabytesPerSecond = Buffer.byteLength(prompt.text) / 1e6 / (detection.p50 / 1000);
  console.log(
    prompt.label.padEnd(58),
    format(baseline.p50),
    `${format(detection.p50)}/${format(detection.p99)}`,
    `${format(plan.p50)}/${format(plan.p99)}`,
    `${(plan.p50 / baseline.p50).toFixed(0).padStart(8)}×`,
    megabytesPerSecond.toFixed(2).padStart(10),
  );
}

// The decision alone, from findings to route: what `decide` costs once detection is done.
const decisionInput = {
  target: { kind: "auto" as const },
  countsByType: { EMAIL: 2, PERSON: 1 },
  categories: new Set<never>(),
  detectorFailure: undefined,
  difficulty: 0.4,
  implausiblyEasy: false,
  policy: config.policy,
  routing: { strong: { kind: "cloud" as const, providerId: "acme", model: "big" }, weak: { kind: "local" as const }, threshold: 0.5 },
  dataPolicies: new Map(config.providers.map((provider) => [provider.id, provider.dataPolicy])),
  localAvailable: true,
  localOnly: false,
  budgets: dependencies.budgets,
  whenBudgetExceeded: "local" as const,
  policyVersion: "bench",
};
const decision = measure(() => decide(decisionInput));
console.log(`decide() alone: p50 ${format(decision.p50)} ms, p99 ${format(decision.p99)} ms`);
