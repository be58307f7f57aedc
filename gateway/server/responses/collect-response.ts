import { GatewayError } from "../../../shared/errors.js";
import type { ChatStreamPart } from "../../providers/chat-model.js";
import type { ResponseIdentity, ResponseOutcome } from "../chat-response.js";
import { responseObject, statusOf, type ResponseEcho } from "./response-object.js";
import { ResponseOutputBuilder } from "./response-output-builder.js";
import type { ResponsesToolMap } from "./responses-tools.js";

/** Collects a whole answer as one Responses object, for a client that did not ask to stream. */
export async function collectResponse(
  parts: ReadableStream<ChatStreamPart>,
  identity: ResponseIdentity,
  echo: ResponseEcho,
  tools?: ResponsesToolMap,
): Promise<{ body: Record<string, unknown>; outcome: ResponseOutcome }> {
  const builder = new ResponseOutputBuilder(identity.id, tools);
  for await (const part of parts) {
    if (part.type === "error") throw part.error;
    builder.push(part);
  }
  // As on the stream path: an answer that ends without a finish was cut short.
  if (builder.finishReason === undefined) throw new GatewayError("upstream_protocol_error", { message: "The answer ended before it was complete." });
  builder.close();
  const { status, incompleteReason } = statusOf(builder.finishReason);
  const body = responseObject({
    id: `resp_${identity.id}`,
    createdAt: identity.created,
    model: builder.model ?? identity.fallbackModel,
    status,
    output: builder.output,
    echo,
    usage: builder.usage,
    incompleteReason,
  });
  return { body, outcome: { status: "completed", model: builder.model, usage: builder.usage, error: undefined } };
}
