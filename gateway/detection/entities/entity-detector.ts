import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { findAddresses } from "./address-finder.js";
import { findContactBlockOrganizations } from "./contact-block-finder.js";
import { findOrganizations } from "./organization-finder.js";
import { findPeople } from "./person-finder.js";
import { findPlaces } from "./place-finder.js";
import { findListedOrganizations, isWeakGuess } from "./listed-organizations.js";
import { findFurtherMentions } from "./person-mentions.js";
import { findTitleCaseNames } from "./title-case-names.js";
import { type Candidate, TextAnalysis } from "./text-analysis.js";

const detectorId = "entities-v1";

/** People, places (street addresses included) and organisations in free text. */
export const entityDetector: Detector = {
  id: detectorId,
  detect(text) {
    const analysis = new TextAnalysis(text);
    let best = keepBest([...findAddresses(analysis), ...findOrganizations(analysis), ...findPlaces(analysis), ...findPeople(analysis)], text.length);
    // Further mentions only take words no candidate covers, so they need no second round.
    best.push(...findFurtherMentions(analysis, best));
    const listed = findListedOrganizations(analysis, best);
    if (listed.length > 0) {
      const replaced = (candidate: Candidate): boolean => isWeakGuess(candidate) && listed.some((other) => other.start < candidate.end && candidate.start < other.end);
      best = [...best.filter((candidate) => !replaced(candidate)), ...listed];
    }
    best.push(...findTitleCaseNames(analysis, best));
    best.sort((a, b) => a.start - b.start);
    const blocks = findContactBlockOrganizations(analysis, best);
    const final = blocks.length === 0 ? best : keepBest([...best, ...blocks], text.length);
    return final.map((candidate): Finding => ({ ...candidate, detector: detectorId }));
  },
};

/** The longest candidates first, then the surest; overlapping ones are dropped. */
function keepBest(candidates: Candidate[], textLength: number): Candidate[] {
  const ordered = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score);
  // One mark per character already taken: overlap checks cost the span's length, not the number of candidates.
  const taken = new Uint8Array(textLength);
  const kept: Candidate[] = [];
  for (const candidate of ordered) {
    let free = true;
    for (let offset = candidate.start; offset < candidate.end && free; offset++) free = taken[offset] === 0;
    if (!free) continue;
    taken.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
