import type { Detector } from "../detector.js";
import { entityDetector } from "./entity-detector.js";

export { warmEntityLexicons } from "./warm-lexicons.js";

/** People, places and organisations in free text. */
export const entityDetectors: readonly Detector[] = [entityDetector];
