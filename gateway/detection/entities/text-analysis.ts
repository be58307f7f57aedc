import { findCodeRegions } from "./code-regions.js";
import { readsAsOtherEuropeanLanguage } from "./common-words.js";
import { type Token, tokenize } from "./tokenize.js";
import { classifyWord, type WordClass } from "./word-class.js";

/** An entity candidate; finders propose, the detector keeps the best non-overlapping ones. */
export interface Candidate {
  start: number;
  end: number;
  type: "PERSON" | "LOCATION" | "ORGANIZATION";
  score: number;
}

/**
 * The text once tokenised, with the code mask and each word's class computed on demand, so
 * the finders share one pass of the expensive parts.
 */
export class TextAnalysis {
  readonly tokens: Token[];
  private readonly codeMask: Uint8Array;
  private readonly classes: Array<WordClass | undefined>;
  private cueWordList: string[] | undefined;
  private readonly memory = new Map<string, Map<number, number | undefined>>();
  private cuePositions: Int32Array | undefined;
  private lineStarts: Int32Array | undefined;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
    this.codeMask = findCodeRegions(text);
    this.classes = new Array<WordClass | undefined>(this.tokens.length);
  }

  token(index: number): Token | undefined {
    return this.tokens[index];
  }

  /**
   * The index of the first token on the line of token `index`. Worked out once per text, so
   * finders that look along a line do not walk back over it for every match (one long line
   * would make that quadratic).
   */
  lineStartOf(index: number): number {
    if (this.lineStarts === undefined) {
      const starts = new Int32Array(this.tokens.length);
      for (let position = 0, current = 0; position < this.tokens.length; position++) {
        if ((this.tokens[position] as Token).lineStart) current = position;
        starts[position] = current;
      }
      this.lineStarts = starts;
    }
    return this.lineStarts[index] ?? 0;
  }

  wordClass(index: number): WordClass {
    let known = this.classes[index];
    if (known === undefined) {
      const token = this.tokens[index];
      known = token === undefined || !isWordShape(token) ? "stop" : classifyWord(token.lower, this.otherEuropeanLanguage());
      this.classes[index] = known;
    }
    return known;
  }

  /** The text's words as the cue phrases see them: lower case, "' s" glued to "'s". */
  cueWords(): readonly string[] {
    if (this.cueWordList === undefined) this.buildCueWords();
    return this.cueWordList as string[];
  }

  /** How many of `cueWords()` come before token `index`. */
  cuePosition(index: number): number {
    if (this.cuePositions === undefined) this.buildCueWords();
    return (this.cuePositions as Int32Array)[index] ?? 0;
  }

  private buildCueWords(): void {
    const words: string[] = [];
    const positions = new Int32Array(this.tokens.length + 1);
    for (let cursor = 0; cursor < this.tokens.length; cursor++) {
      positions[cursor] = words.length;
      const token = this.tokens[cursor] as Token;
      const next = this.tokens[cursor + 1];
      if ((token.text === "'" || token.text === "’") && next !== undefined && next.text.length <= 2 && /^\p{L}+$/u.test(next.text)) {
        words.push(`'${next.lower}`);
        positions[cursor + 1] = words.length - 1;
        cursor++;
        continue;
      }
      words.push(token.lower);
    }
    positions[this.tokens.length] = words.length;
    this.cueWordList = words;
    this.cuePositions = positions;
  }

  /** Computes a per-token answer once: several finders ask where a place name starting here ends. */
  remember(kind: string, index: number, compute: () => number | undefined): number | undefined {
    let answers = this.memory.get(kind);
    if (answers === undefined) {
      answers = new Map();
      this.memory.set(kind, answers);
    }
    if (answers.has(index)) return answers.get(index);
    const answer = compute();
    answers.set(index, answer);
    return answer;
  }

  private foreign: boolean | undefined;

  /** The text reads as German, French, Spanish … rather than English (see `readsAsOtherEuropeanLanguage`). */
  otherEuropeanLanguage(): boolean {
    if (this.foreign === undefined) this.foreign = readsAsOtherEuropeanLanguage(this.tokens);
    return this.foreign;
  }

  inCode(index: number): boolean {
    const token = this.tokens[index];
    if (token === undefined) return false;
    if (this.codeMask[token.start] === 1) return true;
    // A call or a generic type: `render(`, `List<String>`.
    const next = this.tokens[index + 1];
    return next !== undefined && next.attached && (next.text === "(" || (next.text === "<" && this.tokens[index + 2]?.attached === true));
  }

  isCodeAt(offset: number): boolean {
    return this.codeMask[offset] === 1;
  }

  /** A word that starts with a capital and reads as a name could: "Anna", "ANNA" outside a shouted line, "McDonald". */
  isCapitalised(index: number): boolean {
    const token = this.tokens[index];
    if (token === undefined) return false;
    if (token.shape === "title") return true;
    return token.shape === "upper" && !token.shouted && token.text.length > 1;
  }

  /** A single capital letter, with or without its dot: the "J" in "Szabina J Gelencsér". */
  isInitial(index: number): boolean {
    const token = this.tokens[index];
    return token !== undefined && token.shape === "upper" && token.text.length === 1;
  }

  /** The next token, when it is the dot that ends an abbreviation or initial written against it. */
  dotAfter(index: number): boolean {
    const next = this.tokens[index + 1];
    return next !== undefined && next.text === "." && next.attached;
  }
}

function isWordShape(token: Token): boolean {
  return token.shape === "title" || token.shape === "upper" || token.shape === "lower" || token.shape === "mixed";
}
