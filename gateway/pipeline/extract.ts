import type { ChatCall, ChatMessage } from "../../shared/chat.js";

/**
 * One text-bearing field of a request, readable and writable in place: message text and
 * parts of every role, names, tool-call arguments, tool definitions (descriptions and every
 * string inside the parameter schemas), the JSON schema of a structured-output request.
 */
export interface TextSlot {
  /** Where the text lives, e.g. `messages[2].tool_calls[0].function.arguments`. */
  readonly path: string;
  /** Tool-call arguments are JSON text: a value restored into them must be JSON-escaped. */
  readonly kind: "text" | "json" | "name";
  get(): string;
  set(value: string): void;
}

export interface Extraction {
  slots: TextSlot[];
  /** Paths of parts that cannot be scanned (images, audio, files). */
  opaqueParts: string[];
}

function slot(path: string, kind: TextSlot["kind"], get: () => string, set: (value: string) => void): TextSlot {
  return { path, kind, get, set };
}

/** Every string leaf of a JSON value (object keys are names, not content, and stay as they are). */
function jsonStringSlots(value: unknown, path: string, into: TextSlot[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (typeof item === "string") into.push(slot(`${path}[${index}]`, "text", () => value[index] as string, (next) => (value[index] = next)));
      else jsonStringSlots(item, `${path}[${index}]`, into);
    });
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === "string") into.push(slot(`${path}.${key}`, "text", () => record[key] as string, (next) => (record[key] = next)));
      else jsonStringSlots(item, `${path}.${key}`, into);
    }
  }
}

function messageSlots(message: ChatMessage, index: number, extraction: Extraction): void {
  const base = `messages[${index}]`;
  const { slots } = extraction;
  if (typeof message.content === "string") {
    slots.push(slot(`${base}.content`, "text", () => message.content as string, (next) => (message.content = next)));
  } else if (Array.isArray(message.content)) {
    message.content.forEach((part, partIndex) => {
      const partPath = `${base}.content[${partIndex}]`;
      if (part.type === "text") slots.push(slot(`${partPath}.text`, "text", () => part.text, (next) => (part.text = next)));
      else {
        extraction.opaqueParts.push(partPath);
        // A file's name is text the provider receives (a PDF's title for Anthropic): it is scanned like any other.
        const { data } = part;
        if (part.type === "file" && typeof data.filename === "string" && data.filename !== "") {
          slots.push(slot(`${partPath}.file.filename`, "text", () => data.filename as string, (next) => (data.filename = next)));
        }
      }
    });
  }
  // A participant name allows only [A-Za-z0-9_-]: a name holding a finding is dropped, not replaced.
  if (message.name !== undefined) {
    slots.push(
      slot(`${base}.name`, "name", () => message.name ?? "", (next) => {
        if (next === "") delete message.name;
        else message.name = next;
      }),
    );
  }
  // Thinking text is the model's reasoning about the conversation: it quotes what the user wrote.
  message.thinking?.forEach((block, blockIndex) => {
    if (block.type === "thinking") slots.push(slot(`${base}.thinking[${blockIndex}].thinking`, "text", () => block.thinking, (next) => (block.thinking = next)));
  });
  message.toolCalls?.forEach((call, callIndex) => {
    const callPath = `${base}.tool_calls[${callIndex}].function.arguments`;
    slots.push(slot(callPath, "json", () => call.function.arguments, (next) => (call.function.arguments = next)));
  });
}

/** Walks the whole request. The call is mutated through the slots, so pass a copy you own. */
export function extractTextSlots(call: ChatCall): Extraction {
  const extraction: Extraction = { slots: [], opaqueParts: [] };
  call.messages.forEach((message, index) => messageSlots(message, index, extraction));
  call.tools?.forEach((tool, index) => {
    const base = `tools[${index}].function`;
    const definition = tool.function;
    if (definition.description !== undefined) {
      extraction.slots.push(slot(`${base}.description`, "text", () => definition.description ?? "", (next) => (definition.description = next)));
    }
    if (definition.parameters) jsonStringSlots(definition.parameters, `${base}.parameters`, extraction.slots);
  });
  if (call.responseFormat?.type === "json_schema") {
    const schema = call.responseFormat.jsonSchema;
    if (schema.description !== undefined) {
      extraction.slots.push(slot("response_format.json_schema.description", "text", () => schema.description ?? "", (next) => (schema.description = next)));
    }
    if (schema.schema) jsonStringSlots(schema.schema, "response_format.json_schema.schema", extraction.slots);
  }
  call.stop?.forEach((_, index) => {
    const stop = call.stop as string[];
    extraction.slots.push(slot(`stop[${index}]`, "text", () => stop[index] ?? "", (next) => (stop[index] = next)));
  });
  return extraction;
}
