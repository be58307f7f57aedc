import type { Context } from "hono";
import { GatewayError } from "../../../shared/errors.js";
import { embeddingsRequestSchema } from "../../../shared/openai-schema.js";
import { provenanceHeaders } from "../../../shared/provenance.js";
import { classify } from "../../pipeline/classify.js";
import { localAnswerPlan } from "../../pipeline/local-answer-plan.js";
import { resolveModel } from "../../policy/resolve-model.js";
import type { GatewayDependencies } from "../gateway-dependencies.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";
import { requestRecorder } from "../request-recorder.js";

/**
 * `POST /v1/embeddings`, always answered by the local model: embeddings of private text are
 * as revealing as the text. The input is still classified so the record says what it held.
 */
export function embeddingsHandler(dependencies: GatewayDependencies) {
  return async function embeddings(context: Context<GatewayEnv>): Promise<Response> {
    const recorder = requestRecorder(context, dependencies, "/v1/embeddings");
    const request = await recorder.guard(() => readJsonBody(context, embeddingsRequestSchema));
    recorder.noteRequest(request.model, false);
    if (!resolveModel(request.model, dependencies.config)) {
      throw recorder.fail(new GatewayError("model_not_found", { param: "model" }), "rejected");
    }
    const inputs = typeof request.input === "string" ? [request.input] : request.input;
    const classification = classify(
      { slots: inputs.map((text, index) => ({ path: `input[${index}]`, kind: "text" as const, get: () => text, set: () => {} })), opaqueParts: [] },
      dependencies.detectors,
    );
    const call = { model: "local", messages: [] };
    recorder.noteDecision(localAnswerPlan(call, classification, dependencies.policyVersion, { code: "embeddings_local", message: "Embeddings are computed on this machine." }));
    recorder.noteRequestContent({ input: inputs });
    context.header(provenanceHeaders.route, "local");
    context.header(provenanceHeaders.provider, "local");
    context.header(provenanceHeaders.policy, dependencies.policyVersion);
    recorder.begin();
    const model = dependencies.embeddingModel;
    if (!model) throw recorder.fail(new GatewayError("local_model_unavailable"));
    if (request.dimensions !== undefined) {
      throw recorder.fail(new GatewayError("unsupported_parameter", { param: "dimensions", message: "`dimensions` is not supported by the local embedding model." }), "rejected");
    }
    let result;
    try {
      recorder.noteDispatchStarted();
      result = await model.embed(inputs, { signal: context.req.raw.signal });
    } catch (error) {
      throw recorder.fail(error);
    }
    recorder.end({ status: "completed", model: result.modelId, usage: { promptTokens: result.promptTokens, completionTokens: 0 }, error: undefined });
    const encode = request.encoding_format === "base64"
      ? (vector: number[]) => Buffer.from(new Float32Array(vector).buffer).toString("base64")
      : (vector: number[]) => vector;
    return context.json({
      object: "list",
      data: result.vectors.map((vector, index) => ({ object: "embedding", index, embedding: encode(vector) })),
      model: result.modelId,
      usage: { prompt_tokens: result.promptTokens, total_tokens: result.promptTokens },
    });
  };
}
