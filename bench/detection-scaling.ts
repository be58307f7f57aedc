// How detection time grows with the length of one text. Each row repeats a short unit (a
// street word, an acronym, a name, punctuation) to 20,000 and to 80,000 characters: four
// times the text should cost about four times the time. A much larger ratio means some
// detector walks the text again for every match, which a long pasted log or file would hit.
// The baseline, measured in the same run, is one regular-expression pass over the same text.
//
//   npm run bench:scaling            (about half a minute)
import { detect } from "../gateway/detection/detect.js";

const shortLength = 20_000;
const longLength = 80_000;
const runs = Number(process.env.BENCH_RUNS ?? 3);

const units = [
  "Rue ",
  "KSI ",
  "St. ",
  "Hospital ",
  "Mr ",
  "> 12 Main Street\n",
  "John Smith and ",
  "Paris, ",
  "Trump ",
  "A ",
  "a ",
  "Apt. 4 ",
  "u. 5. ",
  "x@y.com ",
  "password=hunter2 ",
  "token 7t3kqx.0z5mfhq2c8w1v9rb ",
  "aws_account_id=402913857716 ",
  "https://a.b/",
  '"a":',
  "((((",
  "ÄÖÜ ",
  "\u200b",
];

const wordPattern = /\p{L}+/gu;

/** The fastest of `runs` timings, in ms: on a shared machine the minimum is the steadiest figure. */
function fastest(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const repeated = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

detect("warm the word lists: John Smith, 12 Main Street, Paris");
console.log(`detection time by text length, fastest of ${runs} runs; ms (baseline: one regex pass)`);
console.log("unit".padEnd(34), "   20 KB", "   80 KB", " growth", "  baseline growth");
let worst = 0;
for (const unit of units) {
  const short = repeated(unit, shortLength);
  const long = repeated(unit, longLength);
  const shortTime = fastest(() => detect(short));
  const longTime = fastest(() => detect(long));
  const baselineGrowth = fastest(() => long.match(wordPattern)) / Math.max(fastest(() => short.match(wordPattern)), 0.001);
  const growth = longTime / Math.max(shortTime, 0.001);
  worst = Math.max(worst, growth);
  console.log(JSON.stringify(unit).padEnd(34), shortTime.toFixed(1).padStart(8), longTime.toFixed(1).padStart(8), `${growth.toFixed(1).padStart(6)}×`, `${baselineGrowth.toFixed(1).padStart(10)}×`);
}
console.log(`worst growth for 4× the text: ${worst.toFixed(1)}× (linear: about 4×, quadratic: about 16×)`);
