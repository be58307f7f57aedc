/** The decimal digits of a candidate, separators dropped. */
export function digitsOf(candidate: string): string {
  return candidate.replace(/\D/g, "");
}

/** The digits as numbers, for checksum arithmetic. */
export function digitValues(digits: string): number[] {
  return Array.from(digits, (digit) => digit.charCodeAt(0) - 48);
}
