import type { Detector } from "../detector.js";

/** People, places and organisations in free text. */
export const entityDetectors: readonly Detector[] = [];
