/**
 * The remainder of a long decimal string divided by a small modulus, digit by digit: identifiers
 * with a mod-97 key (French NIR, Belgian national number) exceed Number's exact range.
 */
export function remainderOfDecimal(digits: string, modulus: number): number {
  let remainder = 0;
  for (let index = 0; index < digits.length; index++) {
    remainder = (remainder * 10 + (digits.charCodeAt(index) - 48)) % modulus;
  }
  return remainder;
}
