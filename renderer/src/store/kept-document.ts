/** One message of a kept request, flattened to text for display. */
export interface KeptMessage {
  /** The field path the dry run names (`messages[0].content`). */
  path: string;
  role: string;
  text: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The kept request's chat request body, if the document holds one. */
export function keptRequestBody(document: unknown): Record<string, unknown> | null {
  if (!isRecord(document)) return null;
  const request = document.request;
  return isRecord(request) ? request : null;
}

/** The text messages of a kept request (string contents only; other parts are listed by kind). */
export function keptMessages(document: unknown): KeptMessage[] {
  const messages = keptRequestBody(document)?.messages;
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message, index): KeptMessage[] => {
    if (!isRecord(message)) return [];
    const role = typeof message.role === "string" ? message.role : "message";
    if (typeof message.content === "string") return [{ path: `messages[${index}].content`, role, text: message.content }];
    if (Array.isArray(message.content)) {
      return message.content.flatMap((part, partIndex): KeptMessage[] =>
        isRecord(part) && typeof part.text === "string" ? [{ path: `messages[${index}].content[${partIndex}].text`, role, text: part.text }] : [],
      );
    }
    return [];
  });
}

/** The answer's text, when the kept document has one in the OpenAI completion shape or as a string. */
export function keptAnswer(document: unknown): string | null {
  if (!isRecord(document)) return null;
  const response = document.response;
  if (typeof response === "string") return response;
  if (!isRecord(response)) return null;
  if (typeof response.content === "string") return response.content;
  const choices = response.choices;
  if (Array.isArray(choices) && isRecord(choices[0]) && isRecord(choices[0].message) && typeof choices[0].message.content === "string") return choices[0].message.content;
  return null;
}
