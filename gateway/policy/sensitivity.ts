import type { FindingType } from "../../shared/findings.js";
import { defaultClassOfType, type SensitivityClass } from "../../shared/policy.js";

/** The sensitivity class of every finding type present, with the config's `policy.types` overrides. */
export function classesOfFindings(
  countsByType: Partial<Record<FindingType, number>>,
  overrides: Partial<Record<FindingType, SensitivityClass>>,
): Map<FindingType, SensitivityClass> {
  const classes = new Map<FindingType, SensitivityClass>();
  for (const [type, count] of Object.entries(countsByType) as Array<[FindingType, number | undefined]>) {
    if (!count) continue;
    // Secrets and unscannable content keep their class whatever the config says about types.
    const fixed = type === "SECRET" || type === "UNSCANNABLE_CONTENT";
    classes.set(type, fixed ? defaultClassOfType[type] : (overrides[type] ?? defaultClassOfType[type]));
  }
  return classes;
}
