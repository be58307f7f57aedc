import type { Candidate, TextAnalysis } from "./text-analysis.js";

const longestListedName = 4;

/** Capitalised words that may make up a listed name: not a stop word, not code, on the same line. */
function isListedNameWord(analysis: TextAnalysis, index: number, taken: Uint8Array): boolean {
  const token = analysis.token(index);
  if (token === undefined || taken[token.start] === 1 || analysis.inCode(index)) return false;
  if (token.shape !== "title" && token.shape !== "mixed" && !(token.shape === "upper" && token.text.length >= 2)) return false;
  return analysis.wordClass(index) !== "stop" || token.shape === "mixed";
}

/** The index of the list joint's far side: ", " → after it, " and " / " & " / ", and " → after them. */
function acrossJoint(analysis: TextAnalysis, index: number, step: 1 | -1): number | undefined {
  const joint = analysis.token(index);
  if (joint === undefined) return undefined;
  const isJoint = (text: string | undefined): boolean => text === "," || text === "and" || text === "&";
  if (!isJoint(joint.lower)) return undefined;
  const beyond = analysis.token(index + step);
  if (beyond !== undefined && joint.lower !== beyond.lower && isJoint(beyond.lower) && (joint.text === "," || beyond.text === ",")) return index + 2 * step;
  return index + step;
}

/** A person candidate taken from a capital alone, with nothing else for it. */
export function isWeakGuess(candidate: Candidate): boolean {
  return candidate.type === "PERSON" && candidate.score < 0.5;
}

/**
 * Names listed beside an organisation are organisations too: "Bekins, Enervee Corporation and
 * Civic Insight", "Infocommerce Group, Citigroup and 3 Round Stones Inc". Only capitalised
 * words no other candidate took, at most four to a name, and never across a line break.
 */
export function findListedOrganizations(analysis: TextAnalysis, found: readonly Candidate[]): Candidate[] {
  const tokens = analysis.tokens;
  const organizations = found.filter((candidate) => candidate.type === "ORGANIZATION");
  if (organizations.length === 0) return [];
  const taken = new Uint8Array(analysis.text.length);
  // A lone unknown word the person finder took only for its capital ("Karmadata") may be
  // read again; the caller drops the guess the list replaces.
  for (const candidate of found) if (!isWeakGuess(candidate)) taken.fill(1, candidate.start, candidate.end);
  const indexByStart = new Map<number, number>();
  const indexByEnd = new Map<number, number>();
  tokens.forEach((token, index) => {
    indexByStart.set(token.start, index);
    indexByEnd.set(token.end, index);
  });
  const added: Candidate[] = [];
  for (const organization of organizations) {
    for (const step of [1, -1] as const) {
      let edge = step === 1 ? indexByEnd.get(organization.end) : indexByStart.get(organization.start);
      for (let items = 0; edge !== undefined && items < 4; items++) {
        const jointIndex = edge + step;
        if (analysis.token(step === 1 ? jointIndex : edge)?.lineStart) break;
        const near = acrossJoint(analysis, jointIndex, step);
        if (near === undefined || !isListedNameWord(analysis, near, taken)) break;
        let far = near;
        while (Math.abs(far - near) + 1 < longestListedName && isListedNameWord(analysis, far + step, taken) && !analysis.token(step === 1 ? far + step : far)?.lineStart) far += step;
        const first = Math.min(near, far);
        const last = Math.max(near, far);
        const candidate: Candidate = { start: (tokens[first] as { start: number }).start, end: (tokens[last] as { end: number }).end, type: "ORGANIZATION", score: 0.55 };
        taken.fill(1, candidate.start, candidate.end);
        added.push(candidate);
        edge = far;
      }
    }
  }
  return added;
}
