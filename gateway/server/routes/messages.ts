import type { Context } from "hono";
import { anthropicMessagesRequestSchema } from "../../../shared/anthropic-schema.js";
import { anthropicToChatRequest } from "../anthropic/to-chat-request.js";
import { collectAnthropicMessage } from "../anthropic/message-response.js";
import { anthropicMessageStream } from "../anthropic/message-stream.js";
import type { GatewayDependencies } from "../gateway-dependencies.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";
import { runChatRequest } from "../run-chat-request.js";

/**
 * `POST /v1/messages` (Anthropic Messages): parse, translate to the pipeline's chat request, run
 * the shared request path (classify and decide before anything leaves, pseudonymize, dispatch to
 * whichever tier the policy picks, restore), and encode the answer as a Message or its event
 * stream. Errors take Anthropic's shape (see app.ts).
 */
export function messagesHandler(dependencies: GatewayDependencies) {
  return async function messages(context: Context<GatewayEnv>): Promise<Response> {
    const run = await runChatRequest(context, dependencies, {
      endpoint: "/v1/messages",
      read: () => readJsonBody(context, anthropicMessagesRequestSchema),
      toChatRequest: anthropicToChatRequest,
    });
    const identity = { ...run.identity, id: `msg_${run.identity.id.replace(/^req_/, "")}` };

    if (run.inbound.stream === true) {
      const body = anthropicMessageStream(run.parts, identity, { onEnd: run.finish, onCancel: run.onCancel });
      context.header("content-type", "text/event-stream; charset=utf-8");
      context.header("cache-control", "no-cache");
      return context.body(body, 200);
    }

    try {
      const { body, outcome } = await collectAnthropicMessage(run.parts, identity);
      run.finish(outcome);
      return context.json(body, 200);
    } catch (error) {
      throw run.fail(error);
    }
  };
}
