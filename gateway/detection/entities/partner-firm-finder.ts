import { firstNameRole, nameRoleOf, surnameRole, unsureRole } from "./name-lexicon.js";
import type { Candidate, TextAnalysis } from "./text-analysis.js";
import { stripPossessive } from "./word-class.js";

/**
 * Whether listed words read as surnames rather than first names. Many surnames are also on the
 * first-name lists ("Hawkins", "Mitchell"), so the test is that no word is a first name only
 * ("The founders are Eklund, Michael and Hodge" lists people), and at least one is surely a
 * surname ("Richardson"), or a name in no list.
 */
function readsAsSurnames(analysis: TextAnalysis, names: readonly number[]): boolean {
  let firstOnly = 0;
  let sureSurnames = 0;
  for (const name of names) {
    const wordClass = analysis.wordClass(name);
    if (wordClass === "stop" || wordClass === "common" || wordClass === "rare") return false;
    const role = nameRoleOf(stripPossessive(analysis.token(name)?.lower ?? ""));
    if (role === 0 || (role & surnameRole && (!(role & firstNameRole) || role & unsureRole))) sureSurnames++;
    else if (!(role & surnameRole)) firstOnly++;
  }
  return firstOnly === 0 && sureSurnames >= 1;
}

function isTitleWord(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.token(index);
  return token !== undefined && token.shape === "title" && token.text.length >= 2 && !analysis.inCode(index);
}

/**
 * Firms named after their partners: three or more surnames joined by commas and a final "and"
 * or "&" ("Hawkins, Richardson and Santana", "Skadden, Arps, Slate, Meagher & Flom"), or two
 * names that are no ordinary words joined by "&" ("Johnson & Johnson", not "Action &
 * Adventure"). The person finder would take the surnames one by one and leave the joints, and
 * with them the shape of the name, in clear. A list with a first name in it is people.
 */
export function findPartnerFirms(analysis: TextAnalysis): Candidate[] {
  const found: Candidate[] = [];
  const tokens = analysis.tokens;
  for (let index = 0; index < tokens.length; index++) {
    if (!isTitleWord(analysis, index)) continue;
    const previous = analysis.token(index - 1);
    // Only from the first name of a list.
    if (previous !== undefined && (previous.text === "," || previous.text === "&") && isTitleWord(analysis, index - 2)) continue;
    const names = [index];
    let cursor = index + 1;
    let closed = false;
    let ampersand = false;
    while (names.length < 6) {
      const joint = analysis.token(cursor);
      if (joint === undefined || joint.lineStart) break;
      let next = cursor + 1;
      const last = joint.lower === "and" || joint.text === "&";
      if (joint.text === "," && ["and", "&"].includes(analysis.token(next)?.lower ?? "")) {
        ampersand = analysis.token(next)?.text === "&";
        next++;
        closed = true;
      } else if (last) {
        ampersand = joint.text === "&";
        closed = true;
      } else if (joint.text !== ",") break;
      if (!isTitleWord(analysis, next) || analysis.token(next)?.lineStart) break;
      names.push(next);
      cursor = next + 1;
      if (closed) break;
    }
    if (!closed) continue;
    const lastName = names[names.length - 1] as number;
    const start = (analysis.token(index) as { start: number }).start;
    const end = (analysis.token(lastName) as { end: number }).end;
    if (names.length >= 3 && readsAsSurnames(analysis, names)) {
      found.push({ start, end, type: "ORGANIZATION", score: 0.7 });
    } else if (names.length === 2 && ampersand && names.every((name) => !["stop", "common", "rare"].includes(analysis.wordClass(name)))) {
      found.push({ start, end, type: "ORGANIZATION", score: 0.6 });
    }
    index = lastName;
  }
  return found;
}
