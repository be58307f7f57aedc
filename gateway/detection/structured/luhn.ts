import { digitValues } from "./digits-of.js";

/** The Luhn (mod 10) check used by payment cards, Canadian SINs, Swedish personnummer and others. */
export function passesLuhn(digits: string): boolean {
  if (digits.length === 0) return false;
  const values = digitValues(digits);
  let sum = 0;
  let double = false;
  for (let index = values.length - 1; index >= 0; index--) {
    let value = values[index] ?? 0;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum % 10 === 0;
}
