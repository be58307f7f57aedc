import { commonWords, europeanWords, knownWords } from "./common-words.js";
import { firstNameRole, nameRoleOf, surnameRole, unsureRole } from "./name-lexicon.js";
import { calendarWords, discourseWords, nationalityWords, technologyWords } from "./non-entity-words.js";
import { personTitles } from "./person-titles.js";

/**
 * What the word lists say about one word, whatever its case:
 * - `first`, `surname`: a name that is no common word ("Katrine", "Jensen");
 * - `ambiguousFirst`, `ambiguousSurname`: a name that is also a common word ("Will", "Rose", "Hill");
 * - `common`: an ordinary word; `rare`: a word only a big dictionary has;
 * - `stop`: never an entity alone (days, months, greetings, developer vocabulary, titles);
 * - `unknown`: in no list, which for a capitalised word mid-sentence usually means a proper noun.
 */
export type WordClass = "first" | "surname" | "ambiguousFirst" | "ambiguousSurname" | "common" | "rare" | "stop" | "unknown";

// Classes by word, for English text and for text in another European language. A gateway
// sees the same words again and again; past the limit the caches start over.
const classCaches = [new Map<string, WordClass>(), new Map<string, WordClass>()] as const;
const classCacheLimit = 100_000;

export function classifyWord(lower: string, otherEuropeanLanguage = false): WordClass {
  const cache = classCaches[otherEuropeanLanguage ? 1 : 0];
  let wordClass = cache.get(lower);
  if (wordClass === undefined) {
    if (cache.size >= classCacheLimit) cache.clear();
    wordClass = classifyUncached(lower, otherEuropeanLanguage);
    cache.set(lower, wordClass);
  }
  return wordClass;
}

function classifyUncached(lower: string, otherEuropeanLanguage: boolean): WordClass {
  const bare = stripPossessive(lower);
  if (calendarWords.has(bare) || discourseWords.has(bare) || technologyWords.has(bare) || nationalityWords.has(bare) || personTitles.has(bare)) return "stop";
  const role = nameRoleOf(bare);
  const common = commonWords().has(bare);
  // In German or Italian text, the language's own words are common too. First names stay
  // names (subtitle word lists are full of them); surnames that are nouns do not ("Koch").
  const foreignWord = otherEuropeanLanguage && europeanWords().has(bare);
  if (role & firstNameRole) return common || (foreignWord && role & unsureRole) ? "ambiguousFirst" : "first";
  if (role & surnameRole) return common || foreignWord ? "ambiguousSurname" : "surname";
  if (common || foreignWord) return "common";
  if (knownWords().has(bare)) return "rare";
  if (bare.includes("-")) {
    const parts = bare.split("-").filter((part) => part.length > 0);
    // "Self-made", "Well-known": a compound of English words is English.
    if (parts.every((part) => knownWords().has(part))) return "common";
    // "Vazquez-Riggs", "Hauta-aho": a double-barrelled surname when one part is a known name.
    if (parts.some((part) => nameRoleOf(part) !== 0) && parts.every((part) => nameRoleOf(part) !== 0 || !commonWords().has(part))) return "surname";
  }
  return "unknown";
}

export function stripPossessive(lower: string): string {
  return lower.endsWith("'s") || lower.endsWith("’s") ? lower.slice(0, -2) : lower;
}

export function isNameClass(wordClass: WordClass): boolean {
  return wordClass === "first" || wordClass === "surname" || wordClass === "ambiguousFirst" || wordClass === "ambiguousSurname";
}
