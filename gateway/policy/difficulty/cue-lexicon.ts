/**
 * Words and short phrases (lower case, single spaces) that the features count. Kept as data so
 * that a cue is one set lookup per token, and so a reader can see at a glance what is counted.
 */
const lexicon = {
  numberWords:
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion dozen dozens twice thrice double triple quadruple",
  fractions: "half halves third thirds quarter quarters fourth fourths fifth fifths sixth sixths seventh sevenths eighth eighths ninth ninths tenth tenths fraction fractions ratio ratios proportion proportions",
  percentages: "percent percents percentage percentages|per cent",
  money:
    "dollar dollars cent cents euro euros price prices cost costs paid pay pays earn earns earned earnings profit profits discount discounts salary salaries wage wages tax taxes interest budget budgets revenue fee fees loan loans refund refunds",
  units:
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades mm cm km meter meters metre metres kilometer kilometers kilometre kilometres mile miles feet foot inch inches yard yards kg gram grams kilogram kilograms pound pounds lb lbs ounce ounces oz ton tons tonne tonnes liter liters litre litres ml gallon gallons quart quarts pint pints cup cups mph kph degree degrees kb mb gb tb byte bytes hz ghz watt watts kwh volt volts acre acres square cubic",
  stepCues:
    "then after afterwards before later next finally remaining remainder rest left each per every times total altogether combined respectively again until initially originally first second last step steps",
  comparisons:
    "more less fewer than most least older younger larger smaller greater bigger higher lower faster slower longer shorter cheaper heavier lighter same equal difference compare compared",
  conditions: "if unless otherwise when whenever suppose supposing assume assuming given provided whether|in case",
  negations: "not no never none nothing neither nor without except cannot",
  constraints:
    "exactly must only maximum minimum require required requirement requirements ensure strictly precisely within limit limited constraint constraints|at least|at most|no more than|no less than|up to|should not|must not|do not use|without using",
  // Joining words that add a clause; commas and semicolons are counted separately.
  conjunctions: "and but while which whereas because although though|so that",
  askStarts:
    "what how why which who whom whose when where is are can could would should does do did will write list explain describe give find calculate compute determine create generate implement make show tell name compare summarize summarise translate prove derive design fix debug refactor solve estimate evaluate analyze analyse suggest recommend draft outline",
  demandingTasks:
    "prove proof derive derivation implement implementation refactor debug optimize optimise design architect analyze analyse analysis critique evaluate tradeoff tradeoffs justify formalize formalise diagnose translate summarize summarise rewrite review|explain why|trade off|trade offs|edge case|edge cases",
  technicalTerms:
    "algorithm algorithms complexity asymptotic theorem lemma corollary integral derivative matrix matrices vector vectors tensor tensors probability distribution variance regression gradient recursion recursive thread threads mutex deadlock compiler kernel database transaction schema api regex protocol encryption latency throughput distributed consensus jurisdiction statute liability tort precedent diagnosis dosage amortization equilibrium quantum stochastic bayesian topology polynomial logarithm differential invariant generics lifetime lifetimes monad idempotent|race condition|memory leak|type system|borrow checker|big o",
} as const;

export type CueKind = keyof typeof lexicon;
/** Cues counted anywhere in a sentence; `askStarts` only counts as a sentence's first word. */
export type CountedCueKind = Exclude<CueKind, "askStarts">;

/** Prefixes of technical words with many endings (concurrency, concurrent; cryptography, cryptographic). */
export const technicalStems: readonly string[] = ["eigen", "concurren", "cryptograph", "async", "thermodynamic", "pharmacokinetic", "contraindicat", "serializ", "idempoten"];

function parse(entries: string): ReadonlySet<string> {
  // Single words are space-separated; phrases of several words are separated by "|".
  const [singles = "", ...phrases] = entries.split("|");
  return new Set([...singles.split(" ").filter((entry) => entry !== ""), ...phrases]);
}

export const cueLexicon: Record<CueKind, ReadonlySet<string>> = Object.fromEntries(
  Object.entries(lexicon).map(([kind, entries]) => [kind, parse(entries)]),
) as Record<CueKind, ReadonlySet<string>>;

export interface CueEntry {
  /** The cue kinds this word or phrase counts toward (a word may count for two, or none). */
  kinds: readonly CountedCueKind[];
  /** Whether a longer phrase in the lexicon starts with it, so the next word is worth joining on. */
  startsPhrase: boolean;
}

/**
 * One lookup per token: what the word counts as, and whether a phrase may start here. Folding
 * both into one map halves the string hashing, the bulk of the per-token cost.
 */
export const cueIndex: ReadonlyMap<string, CueEntry> = (() => {
  const index = new Map<string, { kinds: CountedCueKind[]; startsPhrase: boolean }>();
  const entryOf = (text: string) => {
    let entry = index.get(text);
    if (entry === undefined) index.set(text, (entry = { kinds: [], startsPhrase: false }));
    return entry;
  };
  for (const [kind, entries] of Object.entries(cueLexicon) as Array<[CueKind, ReadonlySet<string>]>) {
    if (kind === "askStarts") continue;
    for (const entry of entries) {
      entryOf(entry).kinds.push(kind);
      const words = entry.split(" ");
      for (let length = 1; length < words.length; length += 1) entryOf(words.slice(0, length).join(" ")).startsPhrase = true;
    }
  }
  return index;
})();
