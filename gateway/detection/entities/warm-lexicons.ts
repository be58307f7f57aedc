import { commonWords, europeanWords, everydayWords, knownWords } from "./common-words.js";
import { nameRoles } from "./name-lexicon.js";
import { placeLexicon } from "./place-lexicon.js";
import { warmWellKnownOrganizations } from "./well-known-organizations.js";
import { warmWellKnownPeople } from "./well-known-people.js";

/**
 * Builds every gazetteer now instead of on the first request (about a second on a small
 * machine, 50 MB of heap). A server calls it at start-up; detection works without it.
 */
export function warmEntityLexicons(): void {
  nameRoles();
  commonWords();
  everydayWords();
  knownWords();
  europeanWords();
  placeLexicon();
  warmWellKnownOrganizations();
  warmWellKnownPeople();
}
