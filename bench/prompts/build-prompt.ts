import { closingRequest, proseParagraphs } from "./prose-paragraphs.js";

export interface Prompt {
  /** A short label for tables, e.g. `4 KB prose`. */
  label: string;
  text: string;
  /**
   * What a correct answer must contain: the upstream echoes the prompt's last paragraph, so
   * when the gateway replaced values on the way out it must have restored them on the way back.
   */
  expectedInAnswer: string;
  /** How many values the privacy path should replace; the bench checks the gateway's header. */
  expectedRedactions: number;
}

/** Prose of about `sizeBytes`, cut at a sentence end, then the closing request. */
export function prosePrompt(sizeBytes: number): Prompt {
  const text = `${proseOfSize(sizeBytes - closingRequest.length - 2)}\n\n${closingRequest}`;
  return { label: `${sizeBytes / 1024} KB prose`, text, expectedInAnswer: closingRequest, expectedRedactions: 0 };
}

/**
 * Prose with a few (made-up, reserved-domain) email addresses, some repeated, so the gateway
 * pseudonymizes them on the way out and restores them in the answer.
 */
export function emailPrompt(sizeBytes: number): Prompt {
  const middle =
    "The facilities desk can be reached at facilities@example.org, and the evening crew reads night.shift@example.net. " +
    "Questions about orders go to procurement-team@example.com rather than to facilities@example.org.";
  const closing = "Please draft a short note to facilities@example.org and copy procurement-team@example.com.";
  const prose = proseOfSize(sizeBytes - middle.length - closing.length - 4);
  const half = prose.indexOf(". ", prose.length / 2) + 1;
  const text = `${prose.slice(0, half)}\n\n${middle}\n\n${prose.slice(half).trimStart()}\n\n${closing}`;
  return { label: `${sizeBytes / 1024} KB with emails`, text, expectedInAnswer: closing, expectedRedactions: 6 };
}

function proseOfSize(sizeBytes: number): string {
  let text = "";
  for (let index = 0; text.length < sizeBytes; index += 1) {
    const paragraph = proseParagraphs[index % proseParagraphs.length] ?? "";
    text += text.length === 0 ? paragraph : `\n\n${paragraph}`;
  }
  // Ending on a whole sentence keeps the prose realistic; the result is at most one sentence short.
  const lastSentenceEnd = text.lastIndexOf(". ", sizeBytes);
  return lastSentenceEnd > 0 ? text.slice(0, lastSentenceEnd + 1) : text.slice(0, sizeBytes);
}
