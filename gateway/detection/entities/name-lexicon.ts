import { commonWords } from "./common-words.js";
import { lazy } from "./lazy.js";
import { readFileSync } from "node:fs";
import { loadPackageData, resolveFileBeside } from "./package-data.js";

/** Bit flags: a word can be both ("Thomas", "James"). */
export const firstNameRole = 1;
export const surnameRole = 2;
/** Listed as a name with no role (cspell's list): either role, but less sure than a country's list. */
export const unsureRole = 4;

const particles = new Set(["van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "dos", "das", "do", "la", "le", "les", "el", "ter", "ten", "te", "zu", "af", "av", "y", "e", "bin", "ibn", "al", "st", "st."]);

type NameList = readonly string[] | Readonly<Record<string, readonly string[]>> | undefined;
interface FakerLocaleDefinition {
  person?: { first_name?: NameList; middle_name?: NameList; last_name?: NameList };
}

function namesOf(list: NameList): readonly string[] {
  if (!list) return [];
  if (Array.isArray(list)) return list as readonly string[];
  return Object.values(list as Record<string, readonly string[]>).flat();
}

/**
 * First names and surnames of every locale @faker-js/faker ships (77 locales: the European
 * languages, English variants, and others), lower-cased. Faker's lists hold common names of
 * each country. Entries with spaces ("de la Cruz") are split so each word is
 * known; particles are handled by the person finder.
 */
export const nameRoles = lazy((): ReadonlyMap<string, number> => {
  const { allLocales } = loadPackageData<{ allLocales: Record<string, FakerLocaleDefinition> }>("@faker-js/faker");
  const roles = new Map<string, number>();
  const add = (names: readonly string[], role: number) => {
    for (const name of names) {
      const words = name.includes(" ") ? name.split(" ") : [name];
      for (const word of words) {
        const lower = word.toLowerCase();
        // "van der Berg", "De la Cruz": the particles are no names of their own.
        if (lower.length < 2 || particles.has(lower) || word === lower) continue;
        roles.set(lower, (roles.get(lower) ?? 0) | role);
      }
    }
  };
  for (const locale of Object.values(allLocales)) {
    const person = locale.person;
    if (!person) continue;
    add(namesOf(person.first_name), firstNameRole);
    add(namesOf(person.middle_name), firstNameRole);
    add(namesOf(person.last_name), surnameRole);
  }
  // A second, independent list: cspell's dictionary of people's names (first names and
  // surnames together, so both roles), so the lexicon is not only what one generator knows.
  const cspellNames = readFileSync(resolveFileBeside("@cspell/dict-people-names/cspell-ext.json", "dict/people-names.txt"), "utf8").split("\n");
  for (const line of cspellNames) {
    const name = line.trim();
    if (name.length < 2 || name.startsWith("#") || name.includes(" ")) continue;
    const lower = name.toLowerCase();
    // Its entries that are also common words ("You", "On", "Wisdom") would only add ambiguity.
    if (!roles.has(lower) && !particles.has(lower) && !commonWords().has(lower)) roles.set(lower, firstNameRole | surnameRole | unsureRole);
  }
  return roles;
});

/** The roles of a lower-case word (0 when it is no known name); hyphenated names count by their parts. */
export function nameRoleOf(lower: string): number {
  const roles = nameRoles();
  const direct = roles.get(lower);
  if (direct !== undefined) return direct;
  if (lower.includes("-")) {
    let combined = -1;
    for (const part of lower.split("-")) {
      const role = roles.get(part) ?? 0;
      if (role === 0) return 0;
      combined = combined === -1 ? role : combined | role;
    }
    return combined === -1 ? 0 : combined;
  }
  return 0;
}
