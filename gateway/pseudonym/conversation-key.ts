import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChatMessage } from "../../shared/chat.js";

export const pseudonymSecretFileName = "pseudonym.key";

/**
 * The gateway's secret for keyed placeholders, kept in the data directory (readable by the
 * user alone) so conversations keep their placeholders across restarts. Losing it only means
 * open conversations get new placeholders.
 */
export function loadPseudonymSecret(dataDir: string): Buffer {
  const path = join(dataDir, pseudonymSecretFileName);
  try {
    const secret = readFileSync(path);
    if (secret.length >= 32) return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32);
  writeFileSync(path, secret, { mode: 0o600, flag: "w" });
  chmodSync(path, 0o600);
  return secret;
}

function textOf(message: ChatMessage | undefined): string {
  if (!message || message.content === null) return "";
  if (typeof message.content === "string") return message.content;
  return message.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
}

/**
 * How a conversation is recognised: the APIs are stateless and clients resend the whole history
 * on every turn, so a conversation is its client plus its opening (the first system or developer
 * message and the first user message). Every later turn shares that opening; another client, or
 * another opening, is another conversation with unrelated placeholders.
 */
export function conversationKey(secret: Buffer, client: string, messages: readonly ChatMessage[]): Buffer {
  const system = messages.find((message) => message.role === "system" || message.role === "developer");
  const user = messages.find((message) => message.role === "user");
  return createHmac("sha256", secret).update(client).update("\u0000").update(textOf(system)).update("\u0000").update(textOf(user)).digest();
}
