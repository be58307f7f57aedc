import { commonWords } from "./common-words.js";
import { legalForms, legalFormsCaseSensitive, organizationHeadWords, organizationLinkWords, organizationOpeningWords } from "./organization-words.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";
import type { Token } from "./tokenize.js";
import { compilePhrases, followsPhrase } from "./words-around.js";

/** Phrases before a capitalised name that make it an employer or a company. */
const organizationCues = compilePhrases([
  ["work", "for"], ["works", "for"], ["worked", "for"], ["working", "for"], ["work", "at"], ["works", "at"], ["worked", "at"], ["working", "at"],
  ["employed", "by"], ["employed", "at"], ["employer", "is"], ["employer", ":"], ["company", ":"], ["organisation", ":"], ["organization", ":"],
  ["joined"], ["join"], ["ceo", "of"], ["cto", "of"], ["cfo", "of"], ["coo", "of"], ["founder", "of"], ["co-founder", "of"], ["president", "of"],
  ["director", "of"], ["chairman", "of"], ["head", "of"], ["vp", "of"], ["employee", "of"], ["intern", "at"], ["engineer", "at"],
  ["manager", "at"], ["partner", "at"], ["the", "company"], ["startup"], ["firm"], ["recorded", "for"], ["signed", "to"], ["signed", "with"],
  ["acquired", "by"], ["subsidiary", "of"], ["arbeite", "bei"], ["arbeitet", "bei"], ["travaille", "chez"], ["trabajo", "en"], ["trabaja", "en"],
  ["lavoro", "per"], ["werk", "bij"], ["werkt", "bij"], ["jobbar", "på"], ["arbejder", "hos"], ["jobber", "i"],
]);

/** Words after a capitalised name that make it an organisation: "The Propublica office", "Avalara is a design agency". */
const organizationNounsAfter = new Set(["office", "offices", "headquarters", "hq", "staff", "employees", "board", "ceo", "spokesperson", "spokesman", "spokeswoman", "shareholders", "subsidiary", "branch", "stock", "shares", "website", "site", "app", "platform", "blog", "store", "stores", "shop", "brand", "account", "team"]);
const organizationKinds = new Set(["company", "agency", "firm", "startup", "start-up", "bank", "organisation", "organization", "charity", "non-profit", "nonprofit", "brand", "manufacturer", "provider", "retailer", "publisher", "label", "corporation", "consultancy", "studio", "group", "business", "enterprise", "institution", "multinational", "subsidiary", "company's"]);

/**
 * Organisations: a capitalised name ending in a legal form or an organisation word ("Shepherd
 * Ltd.", "Allstate Insurance Group", "Exversion Orchestra"), opening with one ("University of
 * Helsinki", "Banco de España"), or placed by context ("I work for Avalara", "the Propublica
 * office", "Lucid is a design agency").
 */
export function findOrganizations(analysis: TextAnalysis): Candidate[] {
  const found: Candidate[] = [];
  const tokens = analysis.tokens;
  for (let index = 0; index < tokens.length; index++) {
    if (analysis.inCode(index)) continue;
    const ending = nameEndingIn(analysis, index);
    if (ending !== undefined) found.push(ending);
    const opening = nameOpeningWith(analysis, index);
    if (opening !== undefined) found.push(opening);
  }
  found.push(...cuedOrganizations(analysis));
  return found;
}

const dottedLegalForms = new Set(["ltd", "inc", "co", "corp", "bros", "cos", "plc", "llc", "mbh"]);

function isLegalForm(token: Token): boolean {
  if (legalFormsCaseSensitive.has(token.text)) return true;
  return token.text.length > 2 && token.shape !== "lower" && legalForms.has(token.lower.replace(/\./g, ""));
}

function isNameWord(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined) return false;
  if (!(analysis.isCapitalised(index) || token.shape === "mixed")) return false;
  return analysis.wordClass(index) !== "stop" || token.shape === "mixed";
}

/** The index of the first word of the capitalised name that ends just before `end` (exclusive), or undefined. */
function nameStartBefore(analysis: TextAnalysis, end: number, maximumWords: number): number | undefined {
  let start: number | undefined;
  let cursor = end - 1;
  let words = 0;
  while (cursor >= 0 && words < maximumWords) {
    const token = analysis.token(cursor);
    const after = analysis.token(cursor + 1);
    if (token === undefined || after?.lineStart) break;
    if (isNameWord(analysis, cursor)) {
      start = cursor;
      words++;
      cursor--;
      continue;
    }
    // "Davis, Reynolds and Williamson", "Johnson & Johnson", "Bank of the West".
    const linking = organizationLinkWords.has(token.lower) || token.text === ",";
    if (linking && start !== undefined && isNameWord(analysis, cursor - 1) && !analysis.token(cursor)?.lineStart) {
      cursor--;
      continue;
    }
    break;
  }
  if (start === undefined) return undefined;
  // "The Exversion Orchestra": the article is not part of the name.
  while (start < end && analysis.token(start)?.lower === "the") start++;
  return start < end ? start : undefined;
}

function candidateOf(analysis: TextAnalysis, start: number, end: number, score: number): Candidate {
  return { start: (analysis.token(start) as Token).start, end: (analysis.token(end) as Token).end, type: "ORGANIZATION", score };
}

/** "Shepherd Ltd.", "Microbilt Corporation", "Allstate Insurance Group", "Exversion Orchestra". */
function nameEndingIn(analysis: TextAnalysis, index: number): Candidate | undefined {
  const token = analysis.token(index);
  if (token === undefined || index === 0) return undefined;
  const legal = isLegalForm(token);
  const head = !legal && (token.shape === "title" || token.shape === "upper") && organizationHeadWords.has(token.lower);
  if (!legal && !head) return undefined;
  if (token.lineStart) return undefined;
  const start = nameStartBefore(analysis, index, 5);
  if (start === undefined) return undefined;
  // "Ltd.", "Inc.", "Co.": the dot of an abbreviated legal form belongs to the name.
  const end = legal && analysis.dotAfter(index) && dottedLegalForms.has(token.lower) ? index + 1 : index;
  if (legal) return candidateOf(analysis, start, end, 0.9);
  // Before an organisation word, at least one word must be more than a common word, or two
  // capitalised words must stand there ("Clean Power Finance" is a name; "Our Group" is not).
  let distinctive = 0;
  let words = 0;
  for (let cursor = start; cursor < index; cursor++) {
    const wordClass = analysis.wordClass(cursor);
    if (!analysis.isCapitalised(cursor) && analysis.token(cursor)?.shape !== "mixed") continue;
    words++;
    if (wordClass !== "common" || !commonWords().has(analysis.token(cursor)?.lower ?? "")) distinctive++;
  }
  const first = analysis.token(start) as Token;
  if (distinctive > 0) return candidateOf(analysis, start, end, 0.75);
  if (words >= 2 && !first.sentenceStart) return candidateOf(analysis, start, end, 0.55);
  return undefined;
}

/** "University of Helsinki", "Bank of America", "Universität Wien", "Banco de España". */
function nameOpeningWith(analysis: TextAnalysis, index: number): Candidate | undefined {
  const token = analysis.token(index);
  if (token === undefined || token.shape !== "title" || !organizationOpeningWords.has(token.lower)) return undefined;
  let cursor = index + 1;
  const link = analysis.token(cursor);
  if (link !== undefined && ["of", "for", "de", "di", "del", "della", "du", "des", "für", "van", "voor", "i", "at"].includes(link.lower)) cursor++;
  if (analysis.token(cursor)?.lower === "the") cursor++;
  let last = -1;
  while (cursor < analysis.tokens.length && last - index < 6) {
    const word = analysis.token(cursor);
    if (word === undefined || word.lineStart || !isNameWord(analysis, cursor)) break;
    last = cursor;
    cursor++;
  }
  if (last < 0) return undefined;
  return candidateOf(analysis, index, last, 0.8);
}

/** "I work for Avalara", "Eva Berg from Can Capital is", "the Propublica office", "Lucid is a design agency". */
function cuedOrganizations(analysis: TextAnalysis): Candidate[] {
  const found: Candidate[] = [];
  const tokens = analysis.tokens;
  let index = 0;
  while (index < tokens.length) {
    if (analysis.inCode(index) || !isNameWord(analysis, index)) {
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < tokens.length && last - index < 4 && isNameWord(analysis, last + 1) && !analysis.token(last + 1)?.lineStart) last++;
    if (followsPhrase(analysis, index, organizationCues) || followsPersonAndOf(analysis, index)) {
      last = listEnd(analysis, last);
      found.push(candidateOf(analysis, index, last, 0.65));
    } else if (isOrganizationByWhatFollows(analysis, index, last)) {
      found.push(candidateOf(analysis, listStart(analysis, index), last, 0.65));
    }
    index = last + 1;
  }
  return found;
}

/** "Kristen Rocher of Butler-Peters", "Vilma Holm of Helix": a person's employer after "of". */
function followsPersonAndOf(analysis: TextAnalysis, index: number): boolean {
  const of = analysis.token(index - 1);
  if (of === undefined || of.lower !== "of" || of.lineStart) return false;
  const name = index - 2;
  const nameClass = analysis.wordClass(name);
  const previousClass = analysis.wordClass(name - 1);
  // The words before "of" must read as a full name: first name then surname, both capitalised.
  const fullName = analysis.isCapitalised(name) && analysis.isCapitalised(name - 1) && (previousClass === "first" || previousClass === "ambiguousFirst");
  return fullName && (nameClass === "surname" || nameClass === "unknown" || nameClass === "first" || nameClass === "ambiguousSurname");
}

/** A firm named after its partners runs on: "Davis, Reynolds and Williamson". Returns the index of its last word. */
function listEnd(analysis: TextAnalysis, last: number): number {
  let end = last;
  for (let items = 0; items < 3; items++) {
    const joiner = analysis.token(end + 1);
    if (joiner === undefined || joiner.lineStart || ![",", "and", "&"].includes(joiner.lower)) break;
    let next = end + 2;
    if (joiner.text === "," && ["and", "&"].includes(analysis.token(next)?.lower ?? "")) next++;
    if (!isNameWord(analysis, next) || analysis.token(next)?.lineStart) break;
    end = next;
  }
  return end;
}

/** The same list read backwards from its last name: "Lopez, Santos and Coleman is a design agency". */
function listStart(analysis: TextAnalysis, first: number): number {
  let start = first;
  for (let items = 0; items < 3; items++) {
    const joiner = analysis.token(start - 1);
    if (joiner === undefined || analysis.token(start)?.lineStart || ![",", "and", "&"].includes(joiner.lower)) break;
    let previous = start - 2;
    if (joiner.text !== "," && analysis.token(previous)?.text === ",") previous--;
    if (!isNameWord(analysis, previous)) break;
    start = previous;
  }
  return start;
}

function isOrganizationByWhatFollows(analysis: TextAnalysis, start: number, last: number): boolean {
  const next = analysis.token(last + 1);
  if (next === undefined || next.lineStart) return false;
  const before = analysis.token(start - 1);
  if (organizationNounsAfter.has(next.lower) && before?.lower === "the") return true;
  // "Avalara is a design agency based in …"
  if (next.lower === "is" || next.lower === "was") {
    const article = analysis.token(last + 2)?.lower;
    if (article !== "a" && article !== "an" && article !== "the") return false;
    for (let cursor = last + 3; cursor <= last + 6; cursor++) {
      const word = analysis.token(cursor);
      if (word === undefined || word.lineStart) break;
      if (organizationKinds.has(word.lower)) return true;
    }
  }
  return false;
}
