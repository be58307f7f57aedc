import { everydayWords } from "./common-words.js";
import { nationalityWords } from "./non-entity-words.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";

const longestTitleCaseName = 5;
// Linking words written with a capital inside a name: "Compliance And Risks", "Bank Of Ireland".
const capitalisedLinks = new Set(["And", "Of", "For", "The", "De", "Du", "Del", "Van"]);
// Words that end a programming identifier far more often than a company's name.
const codeSuffixes = /(?:Service|Client|Server|Exception|Error|Manager|Controller|Factory|Handler|Provider|Repository|Config|Options|Props|State|List|Map|Array|Component|Type|Id|Impl|Builder|Helper|Util|Utils|Test|Spec|Module|Request|Response|Event|Listener|Context|Store|View|Model)$/;

// Words of a phrase or a title rather than a name: "Want You To Know About", "Be Kidding Me".
const phraseWords = new Set([
  "i", "me", "my", "you", "your", "we", "us", "our", "he", "she", "it", "its", "they", "them", "his", "her", "their", "this", "that",
  "is", "are", "was", "be", "been", "am", "do", "does", "did", "not", "no", "can", "cant", "will", "would", "got", "get", "want",
  "know", "to", "about", "on", "in", "at", "by", "with", "from", "all", "so", "just", "like", "now", "up", "out", "if", "what", "why",
  "how", "who", "where", "when", "than", "free", "killed", "hate", "love", "believe", "the", "a", "an", "of", "and", "for", "let", "put",
]);
// Last words of events, laws and periods: "Labor Day", "Civil Rights Act", "Cold War".
const eventEndings = new Set(["day", "days", "eve", "act", "bill", "law", "war", "era", "age", "week", "weekend", "season", "year", "month", "holiday", "holidays"]);

function isCapitalisedWord(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined || token.text.length < 2 || analysis.inCode(index)) return false;
  // Title case, camel case ("MysticWeb", "eBay"), or a short acronym ("Fuse TV"); a word in
  // capitals is more often shouting, and other mixes ("IDÂ", "iOS17") are no names.
  const camel = token.shape === "mixed" && /^(?:\p{Lu}\p{Ll}+|[a-z])(?:\p{Lu}\p{Ll}+)+$/u.test(token.text);
  if (token.shape !== "title" && !camel && !(token.shape === "upper" && token.text.length <= 4 && !token.shouted)) return false;
  // "You're", "Don't": a contraction belongs to a phrase.
  if (phraseWords.has(token.lower) || /['’](?:re|ve|ll|d|m|t)$/.test(token.lower)) return false;
  const wordClass = analysis.wordClass(index);
  return wordClass !== "stop" || nationalityWords.has(token.lower);
}

/**
 * A brand written in camel case inside prose: "SpaceX", "eBay", "MysticWeb". Identifiers look
 * the same, so this holds only in a text with no code at all, for a word of two humps at most
 * that does not end like a class name ("UserService", "HttpClient").
 */
function isCamelCaseBrand(analysis: TextAnalysis, index: number, textHasCode: boolean): boolean {
  const token = analysis.token(index);
  if (textHasCode || token === undefined || token.shape !== "mixed" || analysis.inCode(index)) return false;
  // `$host.EsxiHost`, `obj.MyProp`: glued to code punctuation, it is a member, not a brand.
  const next = analysis.token(index + 1);
  if (token.attached || (next !== undefined && next.attached && !/^[.,;:!?)'’"]$/.test(next.text))) return false;
  if (!/^(?:\p{Lu}|[a-z](?=\p{Lu}))[\p{L}]{3,19}$/u.test(token.text) || analysis.wordClass(index) === "stop") return false;
  const humps = token.text.slice(1).match(/\p{Lu}/gu)?.length ?? 0;
  return humps >= 1 && humps <= 2 && !/\p{Lu}{3}/u.test(token.text) && !codeSuffixes.test(token.text);
}

/**
 * Names no list knows, read from their writing alone, over the words no other finder took:
 * two or more capitalised words inside a sentence ("her Rivet Software letter", "Credit
 * Karma"), capitalised linking words included ("Compliance And Risks"), one capitalised rare
 * word ("at Locavore"), and camel-case brands, in prose without code. A sentence's first word, a line written in capitals, a phrase of
 * everyday words and text with code say nothing by their capitals, so they are left alone. Most such names are companies,
 * products or works; the finding is an organisation with a low score.
 */
export function findTitleCaseNames(analysis: TextAnalysis, found: readonly Candidate[]): Candidate[] {
  const tokens = analysis.tokens;
  const taken = new Uint8Array(analysis.text.length);
  for (const candidate of found) taken.fill(1, candidate.start, candidate.end);
  const isFree = (index: number): boolean => {
    const token = analysis.token(index);
    return token !== undefined && taken[token.start] === 0;
  };
  let textHasCode = false;
  // The code mask, not the call-shape test: "a 501(c)3" in a sentence is no code.
  for (let index = 0; index < tokens.length && !textHasCode; index++) textHasCode = analysis.isCodeAt((tokens[index] as { start: number }).start);
  const added: Candidate[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token === undefined || !isFree(index)) continue;
    if (isCamelCaseBrand(analysis, index, textHasCode) && !isCapitalisedWord(analysis, index + 1) && !isCapitalisedWord(analysis, index - 1)) {
      added.push({ start: token.start, end: token.end, type: "ORGANIZATION", score: 0.35 });
      continue;
    }
    // Technical text capitalises headings, buttons and product names ("Pull Request", "Visual
    // Studio Code"): there the capitals alone say too little.
    if (textHasCode || token.sentenceStart || token.shouted || !isCapitalisedWord(analysis, index) || isCapitalisedWord(analysis, index - 1)) continue;
    let last = index;
    let words = 1;
    let cursor = index + 1;
    while (words < longestTitleCaseName) {
      const next = analysis.token(cursor);
      if (next === undefined || next.lineStart || next.attached || !isFree(cursor)) break;
      if (capitalisedLinks.has(next.text) && isCapitalisedWord(analysis, cursor + 1) && isFree(cursor + 1)) {
        cursor++;
        continue;
      }
      if (!isCapitalisedWord(analysis, cursor)) break;
      last = cursor;
      words++;
      cursor++;
    }
    const lastToken = tokens[last];
    // A title word in capitals needs a title-case word beside it; an event or a law is no party;
    // two everyday words are a heading or a label ("Getting Started", "Pull Request"), where
    // three make a name more often ("Environmental Data Resources").
    const titled = [index, last].some((edge) => analysis.token(edge)?.shape === "title" || analysis.token(edge)?.shape === "mixed");
    let everyday = true;
    for (let cursor = index; cursor <= last && everyday; cursor++) {
      const word = analysis.token(cursor);
      everyday = word === undefined || capitalisedLinks.has(word.text) || everydayWords().has(word.lower);
    }
    // One capitalised word that only a big dictionary knows ("at Locavore", "the Zeitgeist
    // message"): inside a sentence it is a name far more often than the rare word. (Words in
    // no dictionary at all are the person finder's.)
    if (words === 1 && !textHasCode && token.shape === "title" && token.text.length >= 4 && analysis.wordClass(index) === "rare" && !isCapitalisedWord(analysis, last + 1)) {
      added.push({ start: token.start, end: token.end, type: "ORGANIZATION", score: 0.3 });
      continue;
    }
    if (words < 2 || !titled || (everyday && words === 2) || eventEndings.has(lastToken?.lower ?? "")) {
      index = last;
      continue;
    }
    added.push({ start: token.start, end: (tokens[last] as { end: number }).end, type: "ORGANIZATION", score: 0.35 });
    index = last;
  }
  return added;
}
