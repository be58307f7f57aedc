import { removeMetaClaims, type MetaClaimKind } from "./meta-claims.js";

export interface PreparedText {
  /** Distinct sentences and lines (code included) in order of first appearance, meta-claims removed. */
  sentences: string[];
  /**
   * Distinct lines that look like code. Each line is judged on its own, with no fence state:
   * one inserted ``` must not be able to flip the rest of a prompt between code and prose.
   */
  codeLines: string[];
  /** Sentences dropped because an equal one came earlier. */
  repeatedSentences: number;
  /** Characters that render as nothing but reach the model: zero-width, bidi controls, tag characters. */
  hiddenCharacters: number;
  /** Runs of 40+ base64 or hex characters: content a reader cannot see at a glance. */
  encodedBlobs: number;
  metaClaims: Record<MetaClaimKind, number>;
}

// Joiners (U+200C, U+200D) are part of ordinary Persian, Indic and emoji text: not hidden.
const invisible = /[\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|[\u{E0000}-\u{E007F}]/gu;
const otherFormat = /\p{Cf}/gu;
const nonAscii = /[^\t\n\r -~]/;
const fence = /^\s*(?:```|~~~)/;
// The look-behind makes a failed attempt inside a word stop at once instead of rescanning it.
const encodedRun = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{40,}={0,2}/g;
const letterOrDigit = /[\p{L}\p{N}]/u;
// Code lines are told from prose by cheap, linear tests only: prompts can be megabytes long.
const codeEnding = /[;{]\s*$/;
const codeOpening = /^\s*[}\])]/;
const codeOperator = /=>|::|&&|\|\||<\/[A-Za-z][\w-]*>|->\s*\w/;
// Keywords in their own case only: "Let's" or "Return the list" start prose, not code.
const codeStatement =
  /^\s*(?:def|class|function|fn|func|const|let|var|export|return|public|private|protected|static|async|package|using|namespace|struct|enum|impl|#include|#define|SELECT|INSERT|UPDATE|DELETE|CREATE)\s[^\n]*[:;{)=,]\s*$/;
const controlLine = /^\s*(?:for|while|if|elif|else|with|try|except|def|class)\b[^\n]*[)\]\w]\s*:\s*$/;
const assignment = /^\s*(?:let |const |var )?[A-Za-z_$][\w.$[\]]*\s*(?:[-+*/%|&]|\*\*)?=(?!=)\s*\S/;
const importLine = /^\s*(?:import|from)\s+[\w.@/'"-]+(?:\s+(?:import|as)\s+[^\n]*)?$/;
// Titles and common abbreviations end in a full stop without ending the sentence.
const sentenceBreak = /(?<=[.!?…。！？])(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|vs|etc|e\.g|i\.e|approx|No|Fig)\.)["'”’)\]]*\s+|\n+/u;
// Stripped at line starts before sentences are split: "1. Buy milk" would otherwise split into "1." and "Buy milk".
const listMarker = /^[ \t]*(?:[-*+•>]|\d{1,3}[.)]|[a-z][.)])[ \t]+/gim;
const edgeCharacter = /^[\s\p{P}\p{S}]$/u;
const leadingEdge = /^[\s\p{P}\p{S}]+/u;
// Quotes and brackets left at a sentence's start (a claim cut out of "..." leaves them) carry nothing.
const leadingWrapper = /^[\s"'“‘«([{*_>]+/;

function looksLikeCode(line: string): boolean {
  return (
    fence.test(line) ||
    codeEnding.test(line) ||
    codeOpening.test(line) ||
    codeOperator.test(line) ||
    codeStatement.test(line) ||
    controlLine.test(line) ||
    assignment.test(line) ||
    importLine.test(line)
  );
}

/** Base64 or hex runs with letters and digits both: a long word of letters alone is not one. */
function countEncodedBlobs(text: string): number {
  let count = 0;
  // Only chunks between spaces that are long enough are searched: most words are short.
  for (const chunk of text.split(/[ \n]/)) {
    if (chunk.length < 40) continue;
    for (const run of chunk.match(encodedRun) ?? []) if (/\d/.test(run) && /[A-Za-z]/.test(run)) count += 1;
  }
  return count;
}

/**
 * Strips punctuation and spaces at both ends. The end is walked back character by character:
 * a trailing `[...]+$` pattern would be quadratic on a long run of punctuation mid-sentence.
 */
function trimEdges(text: string): string {
  if (/^[a-z0-9].*[a-z0-9]$/.test(text)) return text;
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    const width = code >= 0xdc00 && code <= 0xdfff && end > 1 ? 2 : 1;
    if (!edgeCharacter.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(0, end).replace(leadingEdge, "");
}

/**
 * Turns a prompt into the units the features are counted over. Repetition is free: each
 * sentence and code line counts once, however often it is pasted, so padding a prompt with
 * copies of itself cannot raise its score.
 */
export function prepareText(text: string): PreparedText {
  const hiddenCharacters = (text.match(invisible) ?? []).length;
  // Plain ASCII has nothing to fold or hide, and is most prompts: skip the Unicode passes.
  const folded = nonAscii.test(text) ? text.normalize("NFKC").replace(otherFormat, "") : text;
  // Runs of spaces carry nothing, and collapsing them keeps every later pattern short-sighted.
  // Only runs and odd spaces are rewritten: replacing every single space costs more than the rest.
  const visible = (folded.includes("\r") ? folded.replace(/\r\n?/g, "\n") : folded).replace(/ {2,}|[^\S\n ]+/g, " ");
  const encodedBlobs = countEncodedBlobs(visible);

  // Claims go first, so that a claim sharing a line with code-like punctuation cannot count as code.
  const { content, counts } = removeMetaClaims(visible);
  const codeSeen = new Set<string>();
  for (const line of content.split("\n")) if (looksLikeCode(line)) codeSeen.add(line.trim());

  const seen = new Set<string>();
  const sentences: string[] = [];
  let repeatedSentences = 0;
  for (const piece of content.replace(listMarker, "").split(sentenceBreak)) {
    // Pieces hold no line breaks (split on them) and no runs of spaces (collapsed above).
    const sentence = piece.replace(leadingWrapper, "").trim();
    const key = trimEdges(sentence.toLowerCase());
    if (!letterOrDigit.test(key)) continue;
    if (seen.has(key)) {
      repeatedSentences += 1;
      continue;
    }
    seen.add(key);
    sentences.push(sentence);
  }
  return { sentences, codeLines: [...codeSeen], repeatedSentences, hiddenCharacters, encodedBlobs, metaClaims: counts };
}
