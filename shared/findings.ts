/** The vocabulary of what detectors find. Detection work extends this list; nothing else defines types. */
export const findingTypes = [
  "EMAIL",
  "PHONE",
  "CREDIT_CARD",
  "IBAN",
  "CRYPTO_WALLET",
  "NATIONAL_ID",
  "IP_ADDRESS",
  "URL",
  "DATE_OF_BIRTH",
  "PERSON",
  "LOCATION",
  "ORGANIZATION",
  "SECRET",
  "CUSTOM",
  "UNSCANNABLE_CONTENT",
] as const;

export type FindingType = (typeof findingTypes)[number];

/** One finding: offsets are JavaScript string (UTF-16) indices into the scanned text, end exclusive. */
export interface Finding {
  start: number;
  end: number;
  type: FindingType;
  score: number;
  detector: string;
}

/** Types that may never leave the machine, even pseudonymized, under the built-in policy. */
export const secretFindingTypes: ReadonlySet<FindingType> = new Set<FindingType>(["SECRET"]);
