import type { Context } from "hono";
import { responsesRequestSchema } from "../../../shared/responses-schema.js";
import type { GatewayDependencies } from "../gateway-dependencies.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";
import { collectResponse } from "../responses/collect-response.js";
import { responseEcho } from "../responses/response-object.js";
import { responsesToChatRequest } from "../responses/responses-to-chat-request.js";
import { sseResponsesStream } from "../responses/responses-event-stream.js";
import { runChatRequest } from "../run-chat-request.js";

/**
 * `POST /v1/responses` (OpenAI Responses), stateless: parse, translate to the pipeline's chat
 * request, run the shared request path, encode as Responses events or one response object.
 */
export function responsesHandler(dependencies: GatewayDependencies) {
  return async function responses(context: Context<GatewayEnv>): Promise<Response> {
    const run = await runChatRequest(context, dependencies, {
      endpoint: "/v1/responses",
      read: () => readJsonBody(context, responsesRequestSchema),
      toChatRequest: responsesToChatRequest,
    });
    const echo = responseEcho(run.inbound);

    if (run.request.stream) {
      const body = sseResponsesStream(run.parts, run.identity, { echo, onEnd: run.finish, onCancel: run.onCancel });
      context.header("content-type", "text/event-stream; charset=utf-8");
      context.header("cache-control", "no-cache");
      return context.body(body, 200);
    }

    try {
      const { body, outcome } = await collectResponse(run.parts, run.identity, echo);
      run.finish(outcome);
      return context.json(body, 200);
    } catch (error) {
      throw run.fail(error);
    }
  };
}
