/** Whether a year, month (1-12) and day form a real calendar date; identifiers that embed a birth date are checked with it. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

/** A two-digit year read as the most recent past century's year, the way birth dates are written. */
export function fullYearFromTwoDigits(twoDigits: number, currentYear = new Date().getFullYear()): number {
  const century = Math.floor(currentYear / 100) * 100;
  return century + twoDigits > currentYear ? century - 100 + twoDigits : century + twoDigits;
}
