import type { Finding, FindingType } from "../../shared/findings.js";
import { detect } from "../detection/detect.js";
import type { Detector } from "../detection/detector.js";
import type { Extraction, TextSlot } from "./extract.js";

export interface SlotFindings {
  slot: TextSlot;
  findings: Finding[];
}

export interface Classification {
  slots: SlotFindings[];
  countsByType: Partial<Record<FindingType, number>>;
  /** Set when a detector failed: the request must not leave the machine. */
  detectorFailure: string | undefined;
  durationMs: number;
}

/** Detection that takes longer than this marks the request unclassifiable, rather than let it out half-scanned. */
export const defaultDetectionBudgetMs = 1_000;

/**
 * Runs the detectors over every slot. A detector that throws, or a scan that runs past its
 * time budget, marks the request as unclassifiable: it then never leaves the machine.
 */
export function classify(extraction: Extraction, detectors: readonly Detector[], budgetMs = defaultDetectionBudgetMs): Classification {
  const started = performance.now();
  const countsByType: Partial<Record<FindingType, number>> = {};
  const slots: SlotFindings[] = [];
  let detectorFailure: string | undefined;
  for (const slot of extraction.slots) {
    if (detectorFailure === undefined && performance.now() - started > budgetMs) {
      detectorFailure = `detection ran past its ${budgetMs} ms budget`;
    }
    let findings: Finding[] = [];
    try {
      findings = detect(slot.get(), detectors);
    } catch (error) {
      detectorFailure = `a detector failed on ${slot.path}: ${(error as Error).name}`;
    }
    for (const finding of findings) countsByType[finding.type] = (countsByType[finding.type] ?? 0) + 1;
    if (findings.length > 0) slots.push({ slot, findings });
  }
  if (extraction.opaqueParts.length > 0) {
    countsByType.UNSCANNABLE_CONTENT = (countsByType.UNSCANNABLE_CONTENT ?? 0) + extraction.opaqueParts.length;
  }
  return { slots, countsByType, detectorFailure, durationMs: performance.now() - started };
}
