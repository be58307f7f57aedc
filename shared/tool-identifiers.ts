import { z } from "zod";

/**
 * Tool names, schema names and tool-call ids travel to the provider as they are: they are
 * identifiers, not text, so the gateway does not rewrite them. OpenAI and Anthropic both hold
 * names to this charset; holding ids to a like one keeps free text (a sentence, an address) out
 * of fields that are never pseudonymized. The egress gate still rescans the whole body.
 */
export function identifierNameSchema(maxLength: number) {
  return z.string().regex(new RegExp(`^[A-Za-z0-9_-]{1,${maxLength}}$`), `a name is 1 to ${maxLength} letters, digits, \`_\` or \`-\``);
}

export const toolCallIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,256}$/, "a tool call id is 1 to 256 letters, digits, `_`, `-`, `.` or `:`");
