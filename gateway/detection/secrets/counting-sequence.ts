/**
 * Keys typed by a person to fill a slot (`abcdef123456`, `a1b2c3d4`, `d4c3b2a1`,
 * `0123456789abcdef`) step through the alphabet or the digits; random keys almost never hold
 * six steps in a row, or two interleaved runs of four.
 */
export function hasCountingSequence(value: string): boolean {
  const folded = value.toLowerCase();
  if (longestStepRun(folded, 1) >= 6) return true;
  for (let start = 0; start + 7 < folded.length; start += 1) {
    if (stepRunFrom(folded, start, 2) >= 4 && stepRunFrom(folded, start + 1, 2) >= 4) return true;
  }
  return /qwerty|asdfgh/.test(folded);
}

function sameClass(first: number, second: number): boolean {
  return (isDigit(first) && isDigit(second)) || (isLetter(first) && isLetter(second));
}

/** The longest run, anywhere, of characters each one above or each one below the previous. */
function longestStepRun(text: string, stride: number): number {
  let longest = 0;
  for (let start = 0; start < text.length; start += 1) longest = Math.max(longest, stepRunFrom(text, start, stride));
  return longest;
}

function stepRunFrom(text: string, start: number, stride: number): number {
  let run = 1;
  let direction = 0;
  for (let index = start + stride; index < text.length; index += stride) {
    const previous = text.charCodeAt(index - stride);
    const current = text.charCodeAt(index);
    const step = current - previous;
    if (!sameClass(previous, current) || (step !== 1 && step !== -1) || (direction !== 0 && step !== direction)) break;
    direction = step;
    run += 1;
  }
  return run;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}
