import { pathToFileURL } from "node:url";
import { entityDetector } from "./entity-detector.js";
import { warmEntityLexicons } from "./warm-lexicons.js";

/**
 * Times the entity detector on a prompt of about 1,000 words that mixes prose full of names
 * and addresses with a code block and developer vocabulary. Not a test: run it on demand with
 * `npm run build && node dist/gateway/detection/entities/measure-speed.js`.
 */
export function measureEntitySpeed(iterations = 1000): { words: number; loadMilliseconds: number; p50: number; p90: number; p99: number } {
  const prompt = samplePrompt();
  const loadStart = performance.now();
  warmEntityLexicons();
  const loadMilliseconds = performance.now() - loadStart;
  for (let warm = 0; warm < 200; warm++) entityDetector.detect(prompt);
  const times: number[] = [];
  for (let run = 0; run < iterations; run++) {
    const start = performance.now();
    entityDetector.detect(prompt);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(times.length * share))] ?? 0;
  return { words: prompt.split(/\s+/).length, loadMilliseconds, p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

function samplePrompt(): string {
  const parts = [
    "Hi team, following up on the call with Dr. Maria Schneider from Allianz Global Investors GmbH yesterday. ",
    "She asked us to send the signed contract to her office at Königstraße 24, 70173 Stuttgart, Germany before Friday. ",
    "My client, Mr. John O'Connell, lives at 221B Baker Street, London NW1 6XE and works for Barclays Bank PLC. ",
    "Can you refactor the function below so that it handles the edge case where the user list is empty?\n",
    "```ts\nexport function getUserNames(users: User[]): string[] {\n  return users.map((user) => user.firstName + ' ' + user.lastName);\n}\n```\n",
    "We deploy it with Kubernetes on AWS EKS and store assets in S3; the React front end talks to a Python service. ",
    "Last Monday Anna Kowalska and Pierre Dubois met in Lyon to discuss the merger with Société Générale SA. ",
    "Please also cc Katrine Jensen (katrine@example.com) and thank Prof. Giulia Rossi for the review. ",
    "The patient, Mrs. Eleanor Whitfield, 67, was admitted to St. Mary's Hospital on 12 March with chest pain. ",
    "Her daughter Sophie called from Amsterdam and said the family would arrive on Tuesday. ",
  ];
  let prompt = "";
  for (let index = 0; prompt.split(/\s+/).length < 1000; index++) prompt += parts[index % parts.length];
  return prompt;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = measureEntitySpeed();
  process.stdout.write(
    `entities: ${result.words} words; lexicons ${result.loadMilliseconds.toFixed(0)} ms once; ` +
      `p50 ${result.p50.toFixed(2)} ms, p90 ${result.p90.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms\n`,
  );
}
