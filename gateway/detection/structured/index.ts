import type { Detector } from "../detector.js";
import { emailDetector } from "./email-detector.js";

/** Structured identifiers, each with its validator where one exists. */
export const structuredDetectors: readonly Detector[] = [emailDetector];
