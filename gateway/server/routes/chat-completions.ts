import type { Context } from "hono";
import { chatCompletionRequestSchema } from "../../../shared/openai-schema.js";
import { collectCompletion, sseCompletionStream } from "../chat-response.js";
import type { GatewayDependencies } from "../gateway-dependencies.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";
import { runChatRequest } from "../run-chat-request.js";

/** `POST /v1/chat/completions`: parse, run the shared request path, encode as OpenAI chunks or a completion. */
export function chatCompletionsHandler(dependencies: GatewayDependencies) {
  return async function chatCompletions(context: Context<GatewayEnv>): Promise<Response> {
    const run = await runChatRequest(context, dependencies, {
      endpoint: "/v1/chat/completions",
      read: () => readJsonBody(context, chatCompletionRequestSchema),
      toChatRequest: (request) => request,
    });
    const { request } = run;
    const identity = { ...run.identity, id: `chatcmpl-${run.identity.id}` };

    if (request.stream) {
      const body = sseCompletionStream(run.parts, identity, {
        includeUsage: request.stream_options?.include_usage === true,
        onEnd: run.finish,
        onCancel: run.onCancel,
      });
      context.header("content-type", "text/event-stream; charset=utf-8");
      context.header("cache-control", "no-cache");
      return context.body(body, 200);
    }

    try {
      const { body, outcome } = await collectCompletion(run.parts, identity);
      run.finish(outcome);
      return context.json(body, 200);
    } catch (error) {
      throw run.fail(error);
    }
  };
}
