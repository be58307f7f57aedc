import type { FindingType } from "./findings.js";

/** What may happen to a request, from loosest to strictest. */
export const actions = ["forward", "pseudonymize", "local-only", "block"] as const;
export type Action = (typeof actions)[number];

export function actionRank(action: Action): number {
  return actions.indexOf(action);
}

export function stricterAction(a: Action, b: Action): Action {
  return actionRank(a) >= actionRank(b) ? a : b;
}

/** Sensitivity classes a request can carry; special categories (health, financial, legal) included. */
export const sensitivityClasses = ["public", "personal", "confidential", "financial", "health", "legal", "secret", "unscannable"] as const;
export type SensitivityClass = (typeof sensitivityClasses)[number];

/** The built-in class of each finding type; `policy.types` in config can move a type to another class. */
export const defaultClassOfType: Record<FindingType, SensitivityClass> = {
  EMAIL: "personal",
  PHONE: "personal",
  PERSON: "personal",
  LOCATION: "personal",
  ORGANIZATION: "personal",
  IP_ADDRESS: "personal",
  URL: "personal",
  DATE_OF_BIRTH: "personal",
  NATIONAL_ID: "confidential",
  CUSTOM: "confidential",
  CREDIT_CARD: "financial",
  IBAN: "financial",
  CRYPTO_WALLET: "financial",
  SECRET: "secret",
  UNSCANNABLE_CONTENT: "unscannable",
};

/**
 * Strict defaults: with no policy written, personal data leaves only pseudonymized, and
 * secrets, special categories and content that cannot be scanned never leave the machine.
 */
export const defaultClassActions: Record<SensitivityClass, Action> = {
  public: "forward",
  personal: "pseudonymize",
  confidential: "pseudonymize",
  financial: "local-only",
  health: "local-only",
  legal: "local-only",
  secret: "local-only",
  unscannable: "local-only",
};

/** Data terms a destination must meet for a class (all given conditions must hold). */
export interface DataTermsRequirement {
  zeroDataRetention?: boolean;
  noTraining?: boolean;
  maxRetentionDays?: number;
  regions?: string[];
}
