/**
 * Postcode shapes by country, for the entity detectors that find addresses: a cheap check that a
 * token next to a street or city is a postcode. Letter-bearing formats (UK, Canada, the
 * Netherlands, Ireland …) are distinctive on their own; all-digit ones only inside an address.
 */
const postalCodeFormats: ReadonlyArray<{ country: string; pattern: RegExp; distinctive: boolean }> = [
  // Outward code (area, district) and inward code (sector, unit); inward letters never C I K M O V.
  { country: "GB", pattern: /^(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$/i, distinctive: true },
  // Forward sortation area and local delivery unit; D F I O Q U never appear, W Z never first.
  { country: "CA", pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i, distinctive: true },
  { country: "NL", pattern: /^[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}$/i, distinctive: true },
  { country: "IE", pattern: /^(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$/i, distinctive: true },
  { country: "PL", pattern: /^\d{2}-\d{3}$/, distinctive: true },
  { country: "PT", pattern: /^\d{4}-\d{3}$/, distinctive: true },
  { country: "BR", pattern: /^\d{5}-\d{3}$/, distinctive: true },
  { country: "US", pattern: /^\d{5}(?:-\d{4})?$/, distinctive: false },
  { country: "DE", pattern: /^(?!00)\d{5}$/, distinctive: false },
  { country: "FR", pattern: /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/, distinctive: false },
  { country: "ES", pattern: /^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/, distinctive: false },
  { country: "IT", pattern: /^\d{5}$/, distinctive: false },
  { country: "SE", pattern: /^[1-9]\d{2} ?\d{2}$/, distinctive: false },
  { country: "FI", pattern: /^\d{5}$/, distinctive: false },
  { country: "DK", pattern: /^[1-9]\d{3}$/, distinctive: false },
  { country: "NO", pattern: /^\d{4}$/, distinctive: false },
  { country: "BE", pattern: /^[1-9]\d{3}$/, distinctive: false },
  { country: "CH", pattern: /^[1-9]\d{3}$/, distinctive: false },
  { country: "AT", pattern: /^[1-9]\d{3}$/, distinctive: false },
  { country: "AU", pattern: /^\d{4}$/, distinctive: false },
];

export interface PostalCodeMatch {
  readonly countries: readonly string[];
  /** True when the shape is specific enough to count as a postcode without an address around it. */
  readonly distinctive: boolean;
}

/** The countries whose postcode format the token fits, or undefined when it fits none. */
export function matchPostalCode(token: string): PostalCodeMatch | undefined {
  const value = token.trim();
  const matching = postalCodeFormats.filter((format) => format.pattern.test(value));
  if (matching.length === 0) return undefined;
  return { countries: matching.map((format) => format.country), distinctive: matching.some((format) => format.distinctive) };
}
