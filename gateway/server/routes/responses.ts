import type { Context } from "hono";
import { responsesRequestSchema } from "../../../shared/responses-schema.js";
import type { GatewayDependencies } from "../gateway-dependencies.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";
import { collectResponse } from "../responses/collect-response.js";
import { responseEcho } from "../responses/response-object.js";
import { translateResponsesRequest } from "../responses/responses-to-chat-request.js";
import { droppedToolsHeader, type ResponsesToolMap } from "../responses/responses-tools.js";
import { sseResponsesStream } from "../responses/responses-event-stream.js";
import { runChatRequest } from "../run-chat-request.js";

/**
 * `POST /v1/responses` (OpenAI Responses), stateless: parse, translate to the pipeline's chat
 * request, run the shared request path, encode as Responses events or one response object.
 */
export function responsesHandler(dependencies: GatewayDependencies) {
  return async function responses(context: Context<GatewayEnv>): Promise<Response> {
    let tools: ResponsesToolMap | undefined;
    const run = await runChatRequest(context, dependencies, {
      endpoint: "/v1/responses",
      read: () => readJsonBody(context, responsesRequestSchema),
      toChatRequest: (inbound) => {
        const translated = translateResponsesRequest(inbound);
        tools = translated.tools;
        // Hosted tools the model does not get are said out loud, to the client and in the record.
        if (tools.dropped.length > 0) context.header(droppedToolsHeader, tools.dropped.join(","));
        return translated.chat;
      },
      notes: () => (tools && tools.dropped.length > 0 ? [{ code: "hosted_tools_dropped", message: `Hosted tools the gateway does not run were not given to the model: ${tools.dropped.join(", ")}.` }] : []),
    });
    const echo = responseEcho(run.inbound);

    if (run.request.stream) {
      const body = sseResponsesStream(run.parts, run.identity, { echo, onEnd: run.finish, onCancel: run.onCancel, ...(tools ? { tools } : {}) });
      context.header("content-type", "text/event-stream; charset=utf-8");
      context.header("cache-control", "no-cache");
      return context.body(body, 200);
    }

    try {
      const { body, outcome } = await collectResponse(run.parts, run.identity, echo, tools);
      run.finish(outcome);
      return context.json(body, 200);
    } catch (error) {
      throw run.fail(error);
    }
  };
}
