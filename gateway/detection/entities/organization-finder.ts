import { commonWords } from "./common-words.js";
import { institutionOpeners, legalForms, legalFormsCaseSensitive, organizationHeadWords, organizationLinkWords, organizationOpeningWords } from "./organization-words.js";
import { nationalityWords } from "./non-entity-words.js";
import { matchPlace } from "./place-match.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";
import { institutionEndingIn, opensWithVerb } from "./institution-finder.js";
import { findPartnerFirms } from "./partner-firm-finder.js";
import { findWellKnownOrganizations } from "./well-known-organizations.js";
import { personTitles } from "./person-titles.js";
import type { Token } from "./tokenize.js";
import { stripPossessive } from "./word-class.js";
import { compilePhrases, followsPhrase } from "./words-around.js";

/** Phrases before a capitalised name that make it an employer or a company. */
const organizationCues = compilePhrases([
  ["work", "for"], ["works", "for"], ["worked", "for"], ["working", "for"], ["work", "at"], ["works", "at"], ["worked", "at"], ["working", "at"],
  ["employed", "by"], ["employed", "at"], ["employer", "is"], ["employer", ":"], ["company", ":"], ["organisation", ":"], ["organization", ":"],
  ["joined"], ["join"], ["ceo", "of"], ["cto", "of"], ["cfo", "of"], ["coo", "of"], ["founder", "of"], ["co-founder", "of"], ["president", "of"],
  ["director", "of"], ["chairman", "of"], ["head", "of"], ["vp", "of"], ["employee", "of"], ["intern", "at"], ["engineer", "at"],
  ["manager", "at"], ["partner", "at"], ["the", "company"], ["startup"], ["firm"], ["recorded", "for"], ["signed", "to"], ["signed", "with"],
  ["acquired", "by"], ["subsidiary", "of"], ["later", "became"], ["acquired"], ["acquisition", "of"], ["merged", "with"], ["partnered", "with"],
  ["partnership", "with"], ["sponsored", "by"], ["funded", "by"], ["backed", "by"], ["invested", "in"], ["investment", "in"], ["shares", "of"],
  ["stake", "in"], ["customer", "of"], ["client", "of"], ["spokesperson", "for"], ["spokesman", "for"], ["spokeswoman", "for"],
  ["contractor", "for"], ["consultant", "for"], ["employees", "of"], ["arbeite", "bei"], ["arbeitet", "bei"], ["travaille", "chez"], ["trabajo", "en"], ["trabaja", "en"],
  ["lavoro", "per"], ["werk", "bij"], ["werkt", "bij"], ["jobbar", "på"], ["arbejder", "hos"], ["jobber", "i"],
]);

/** Words after a capitalised name that make it an organisation: "The Propublica office", "Avalara is a design agency". */
const organizationNounsAfter = new Set(["office", "offices", "headquarters", "hq", "staff", "employees", "board", "ceo", "spokesperson", "spokesman", "spokeswoman", "shareholders", "subsidiary", "branch", "stock", "shares", "website", "site", "app", "platform", "blog", "store", "stores", "shop", "brand", "account", "team"]);
/** Verbs after a name that companies do more than people: "During 1984, The Vanguard Group invested heavily". */
const organizationVerbsAfter = new Set(["invested", "invests", "acquired", "acquires", "announced", "reported", "launched", "hired", "employs", "raised", "headquartered", "manufactures", "rebranded", "merged", "went", "ships", "sells"]);
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
    const ending = nameEndingIn(analysis, index) ?? lowerCaseNameEndingIn(analysis, index);
    if (ending !== undefined) found.push(ending);
    const institution = institutionEndingIn(analysis, index);
    if (institution !== undefined) found.push(institution);
    const opening = nameOpeningWith(analysis, index);
    if (opening !== undefined) found.push(opening);
  }
  found.push(...cuedOrganizations(analysis));
  found.push(...findPartnerFirms(analysis));
  found.push(...findWellKnownOrganizations(analysis));
  return found;
}

const dottedLegalForms = new Set(["ltd", "inc", "co", "corp", "bros", "cos", "plc", "llc", "mbh"]);

function isLegalForm(token: Token): boolean {
  // "Gradiant Research LLC's staff": the possessive is not part of the form.
  const text = stripPossessive(token.text);
  if (legalFormsCaseSensitive.has(text)) return true;
  return text.length > 2 && token.shape !== "lower" && legalForms.has(withoutDots(stripPossessive(token.lower)));
}

/** "L.L.C." → "llc". Asked of every token, so the common dotless word is returned as it is. */
function withoutDots(word: string): string {
  return word.includes(".") ? word.replace(/\./g, "") : word;
}

function isNameWord(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  if (token === undefined) return false;
  if (!(analysis.isCapitalised(index) || token.shape === "mixed")) return false;
  return analysis.wordClass(index) !== "stop" || token.shape === "mixed";
}

function isPersonNameWord(analysis: TextAnalysis, index: number): boolean {
  const wordClass = analysis.wordClass(index);
  return wordClass === "first" || wordClass === "surname" || wordClass === "ambiguousFirst";
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
    // "Davis, Reynolds and Williamson", "Johnson & Johnson", "Bank of the West"; a lone "the"
    // between capitalised words follows a verb ("Call the Acme Foundation"), not a name's word.
    const linking = (organizationLinkWords.has(token.lower) && token.lower !== "the") || token.text === ",";
    // "Jeremy Hartmann of Gradiant Research LLC": "of" after a person's name ends the company's.
    const afterPerson = (token.lower === "of" || token.lower === "for") && isPersonNameWord(analysis, cursor - 1);
    if (linking && !afterPerson && start !== undefined && isNameWord(analysis, cursor - 1) && !analysis.token(cursor)?.lineStart) {
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

/**
 * Before a legal form, a name may open with a number or a word that is otherwise a title:
 * "48 Factoring Inc", "3 Round Stones Inc", "Aunt Bertha Inc", "King Arthur Flour Co."; a year
 * ("In 2008 Acme Inc …") is no part of it.
 */
function legalNameStart(analysis: TextAnalysis, start: number): number {
  let cursor = nationalityBefore(analysis, start);
  for (let steps = 0; steps < 2; steps++) {
    const previous = analysis.token(cursor - 1);
    const current = analysis.token(cursor);
    if (previous === undefined || current === undefined || current.lineStart || analysis.inCode(cursor - 1)) break;
    const title = analysis.isCapitalised(cursor - 1) && personTitles.has(previous.lower);
    const number = previous.shape === "number" && previous.text.length <= 3;
    if (!title && !number) break;
    cursor--;
    if (number) break;
  }
  return cursor;
}

/** "American Red Ball Movers", "British Steel Ltd": a nationality opening a company's name. */
function nationalityBefore(analysis: TextAnalysis, start: number): number {
  const previous = analysis.token(start - 1);
  const current = analysis.token(start);
  if (previous === undefined || current === undefined || current.lineStart || analysis.inCode(start - 1)) return start;
  return analysis.isCapitalised(start - 1) && nationalityWords.has(previous.lower) ? start - 1 : start;
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
  let start = nameStartBefore(analysis, index, 5);
  if (start === undefined) return undefined;
  // "Is Santa Clara University open?", "Visit Acme Foundation": a verb opening the sentence is
  // no part of the name.
  if (head && opensWithVerb(analysis, start, index)) start++;
  // "Ltd.", "Inc.", "Co.": the dot of an abbreviated legal form belongs to the name.
  const end = legal && analysis.dotAfter(index) && dottedLegalForms.has(token.lower) ? index + 1 : index;
  if (legal) return candidateOf(analysis, legalNameStart(analysis, start), end, 0.9);
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
  const opening = nationalityBefore(analysis, start);
  if (distinctive > 0) return candidateOf(analysis, opening, end, 0.75);
  if (words >= 2 && !first.sentenceStart) return candidateOf(analysis, opening, end, 0.55);
  // "During 1984, The Vanguard Group invested": a capitalised article inside a sentence opens a name.
  const article = analysis.token(start - 1);
  if (article?.text === "The" && !article.sentenceStart && !article.lineStart) return candidateOf(analysis, start - 1, end, 0.55);
  if (opening < start) return candidateOf(analysis, opening, end, 0.55);
  return undefined;
}

// Legal forms that are never English words, so that they mark a name even in lower case.
const unambiguousLegalForms = new Set(["inc", "ltd", "llc", "gmbh", "plc", "corp"]);

/**
 * "selma is from stillwater supercomputing inc.", "Trump saltmining Inc": a name written in
 * lower case before an unmistakable legal form. Words before it count while they are not
 * everyday words ("from", "the", "company"); one at least must be there.
 */
function lowerCaseNameEndingIn(analysis: TextAnalysis, index: number): Candidate | undefined {
  const token = analysis.token(index);
  if (token === undefined || token.lineStart || !unambiguousLegalForms.has(withoutDots(stripPossessive(token.lower)))) return undefined;
  let start = index;
  for (let cursor = index - 1; cursor >= 0 && index - cursor <= 4; cursor--) {
    const word = analysis.token(cursor);
    if (word === undefined || analysis.inCode(cursor) || analysis.token(cursor + 1)?.lineStart) break;
    const lowerCaseName = word.shape === "lower" && word.text.length >= 3 && !commonWords().has(word.lower) && analysis.wordClass(cursor) !== "stop";
    if (!lowerCaseName && !isNameWord(analysis, cursor)) break;
    start = cursor;
  }
  if (start === index || !analysis.token(start)) return undefined;
  const end = analysis.dotAfter(index) ? index + 1 : index;
  return candidateOf(analysis, start, end, 0.6);
}

// Words between an opening word and the name: "Bank of the West", "Hôpital de la Pitié",
// "Klinikum rechts der Isar", "Universität zu Köln".
const openingLinkWords = new Set(["of", "for", "de", "di", "del", "della", "du", "des", "für", "van", "voor", "i", "at", "the", "la", "le", "der", "zu", "am", "an", "rechts", "links", "y"]);

/** "University of Helsinki", "Bank of America", "Universität Wien", "Banco de España", "l'Hôpital Saint-Louis". */
function nameOpeningWith(analysis: TextAnalysis, index: number): Candidate | undefined {
  const token = analysis.token(index);
  if (token === undefined) return undefined;
  // French elides the article into the word: "l'Hôpital", "d'Université"; the name starts after it.
  const second = token.text[1];
  const elided = (second === "'" || second === "’") && /^[ld]['’]\p{Lu}/u.test(token.text) ? 2 : 0;
  const word = elided > 0 ? token.text.slice(elided) : token.text;
  if ((elided === 0 && token.shape !== "title") || !organizationOpeningWords.has(word.toLowerCase())) return undefined;
  let cursor = index + 1;
  for (let links = 0; links < 3 && openingLinkWords.has(analysis.token(cursor)?.lower ?? "") && !analysis.token(cursor)?.lineStart; links++) cursor++;
  let last = -1;
  while (cursor < analysis.tokens.length && last - index < 6) {
    const next = analysis.token(cursor);
    if (next === undefined || next.lineStart || !isNameWord(analysis, cursor)) break;
    last = cursor;
    cursor++;
  }
  if (last < 0) return undefined;
  // "Royal Society of Chemistry", "Central Bank of Ireland", "American Society of …": a word
  // that institutions open with stands before the opening word.
  const before = analysis.token(index - 1);
  const opener = elided === 0 && before !== undefined && !token.lineStart && !analysis.inCode(index - 1) && analysis.isCapitalised(index - 1) && (institutionOpeners.has(before.lower) || nationalityWords.has(before.lower));
  const start = opener ? before.start : token.start + elided;
  return { start, end: (analysis.token(last) as Token).end, type: "ORGANIZATION", score: 0.8 };
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
    // "The Mint office is …": a capitalised article opening the sentence is not part of the name.
    const start = analysis.token(index)?.lower === "the" && index < last ? index + 1 : index;
    if (followsPhrase(analysis, start, organizationCues) || followsPersonAndOf(analysis, start)) {
      last = listEnd(analysis, last);
      found.push(candidateOf(analysis, start, last, 0.65));
    } else if (isOrganizationByWhatFollows(analysis, start, last)) {
      found.push(candidateOf(analysis, listStart(analysis, start), last, 0.65));
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
  // A company's doings; a name that opens with a first name is a person's ("Anna announced").
  const firstClass = analysis.wordClass(start);
  const personLike = firstClass === "first" || firstClass === "ambiguousFirst";
  if (!personLike && organizationVerbsAfter.has(next.lower)) return next.lower !== "went" || analysis.token(last + 2)?.lower === "public";
  // "Collective Ip is the brainchild of …": the creation of its founders.
  if ((next.lower === "is" || next.lower === "was") && analysis.token(last + 2)?.lower === "the" && analysis.token(last + 3)?.lower === "brainchild") return true;
  // "at Walk Score in Ålesund": a workplace or a venue, then its town.
  if (before?.lower === "at" && next.lower === "in" && !personLike && matchPlace(analysis, last + 2) !== undefined) return true;
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
