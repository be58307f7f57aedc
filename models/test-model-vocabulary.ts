import { SeededRandom } from "./seeded-random.js";

/**
 * The SentencePiece (`llama`) vocabulary of a generated test model: `<unk> <s> </s>`, the 256
 * byte-fallback tokens, the ChatML control tokens, `▁`, printable ASCII, common English words
 * (with every prefix, so SentencePiece's pairwise merges can reach them), then filler words
 * up to the requested size.
 */
export interface TestModelVocabulary {
  tokens: string[];
  scores: number[];
  tokenTypes: number[];
  /** Tokens a model should never pick on its own (control, unknown, most bytes); the generator suppresses them. */
  suppressed: boolean[];
  ids: { unknown: number; begin: number; end: number; imStart: number; imEnd: number };
}

/** llama.cpp's token types, as stored in `tokenizer.ggml.token_type`. */
const tokenType = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

const spaceMarker = "\u2581";

/** Words that make tokenized prompts in tests look like text rather than a stream of single letters. */
const commonWords = [
  "the", "of", "and", "to", "a", "in", "is", "you", "that", "it", "he", "was", "for", "on", "are", "as", "with",
  "his", "they", "I", "at", "be", "this", "have", "from", "or", "one", "had", "by", "word", "but", "not", "what",
  "all", "were", "we", "when", "your", "can", "said", "there", "use", "an", "each", "which", "she", "do", "how",
  "their", "if", "will", "up", "other", "about", "out", "many", "then", "them", "these", "so", "some", "her",
  "would", "make", "like", "him", "into", "time", "has", "look", "two", "more", "write", "go", "see", "number",
  "no", "way", "could", "people", "my", "than", "first", "water", "been", "call", "who", "oil", "its", "now",
  "find", "long", "down", "day", "did", "get", "come", "made", "may", "part", "hello", "world", "weather",
  "city", "name", "answer", "question", "please", "thanks", "model", "local", "privacy", "router", "json",
  "true", "false", "null", "red", "green", "blue", "yes", "ok", "tool", "function", "result", "value",
];

export function buildTestModelVocabulary(size: number, seed: number): TestModelVocabulary {
  const tokens: string[] = [];
  const tokenTypes: number[] = [];
  const suppressed: boolean[] = [];
  const known = new Set<string>();
  const add = (text: string, type: number, isSuppressed: boolean): number => {
    if (known.has(text)) return -1;
    known.add(text);
    tokens.push(text);
    tokenTypes.push(type);
    suppressed.push(isSuppressed);
    return tokens.length - 1;
  };

  const unknown = add("<unk>", tokenType.unknown, true);
  const begin = add("<s>", tokenType.control, true);
  const end = add("</s>", tokenType.control, true);
  for (let byte = 0; byte < 256; byte++) {
    // Tab, newline and space stay generatable: the chat template ends the prompt on a newline.
    const isPlainWhitespace = byte === 0x09 || byte === 0x0a || byte === 0x20;
    add(`<0x${byte.toString(16).toUpperCase().padStart(2, "0")}>`, tokenType.byte, !isPlainWhitespace);
  }
  const imStart = add("<|im_start|>", tokenType.control, true);
  const imEnd = add("<|im_end|>", tokenType.control, true);
  add(spaceMarker, tokenType.normal, false);
  for (let code = 33; code < 127; code++) add(String.fromCharCode(code), tokenType.normal, false);
  for (const word of commonWords) {
    const marked = spaceMarker + word;
    for (let length = 2; length <= marked.length; length++) add(marked.slice(0, length), tokenType.normal, false);
  }
  if (tokens.length > size) throw new Error(`A vocabulary needs at least ${tokens.length} tokens, asked for ${size}`);

  const random = new SeededRandom(seed ^ 0x5eed);
  const letters = "abcdefghijklmnopqrstuvwxyz";
  while (tokens.length < size) {
    const length = 2 + (random.nextUint32() % 7);
    let word = random.nextUint32() % 2 === 0 ? spaceMarker : "";
    for (let index = 0; index < length; index++) word += letters[random.nextUint32() % letters.length];
    add(word, tokenType.normal, false);
  }

  // SentencePiece merges the highest-scoring pair first; earlier (more common) pieces win.
  const scores = tokens.map((_, index) => (tokenTypes[index] === tokenType.normal ? -index : 0));
  return { tokens, scores, tokenTypes, suppressed, ids: { unknown, begin, end, imStart, imEnd } };
}
