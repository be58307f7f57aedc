import type { Detector } from "../detector.js";
import { secretFormatsDetector } from "./secret-formats-detector.js";

/** Secrets: provider key formats, private keys, tokens, credentials in code and config. */
export const secretDetectors: readonly Detector[] = [secretFormatsDetector];
