import type { ChatCall } from "../../../shared/chat.js";
import type { Extraction } from "../../pipeline/extract.js";

/** About four characters of English text per token, the figure both OpenAI and Anthropic quote. */
const charactersPerToken = 4;
/** Role markers and turn boundaries each message costs. */
const tokensPerMessage = 3;
/**
 * An image of about 1.15 megapixels (the size Anthropic scales larger images down to) costs about
 * 1,600 tokens (width × height / 750); a PDF page a little more. Sizes are not decoded here.
 */
const tokensPerOpaquePart = 1_600;

/**
 * A local estimate of the input tokens of a request, for `count_tokens`: nothing is sent anywhere
 * to count them. It reads the same extracted text the classifier reads, plus tool names.
 */
export function estimateInputTokens(call: ChatCall, extraction: Extraction): number {
  let characters = 0;
  for (const slot of extraction.slots) characters += slot.get().length;
  for (const tool of call.tools ?? []) characters += tool.function.name.length;
  for (const message of call.messages) for (const toolCall of message.toolCalls ?? []) characters += toolCall.function.name.length;
  return Math.ceil(characters / charactersPerToken) + call.messages.length * tokensPerMessage + extraction.opaqueParts.length * tokensPerOpaquePart;
}
