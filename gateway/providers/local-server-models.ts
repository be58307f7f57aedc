import { Agent, fetch as undiciFetch } from "undici";
import { z } from "zod";
import type { ChatCall } from "../../shared/chat.js";
import { GatewayError, isGatewayError } from "../../shared/errors.js";
import type { Egress, OutboundRequest } from "../pipeline/egress.js";
import type { ChatModel, EmbeddingModel, EmbeddingResult, StreamOptions } from "./chat-model.js";
import { createOpenAICompatibleChatModel } from "./openai-compatible-chat-model.js";

export interface LocalServerOptions {
  /** A loopback URL (the config schema refuses others), e.g. `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  /** The model name the server knows, e.g. `qwen2.5:0.5b`. */
  model: string;
  timeoutMs: number;
}

/**
 * The door to a local server: not the cloud egress gate, since what goes here is meant to be
 * sensitive and stays on the device. It still sends only below the configured base URL, never
 * follows redirects (a redirect could point off the machine), and uses a connection pool of its
 * own so `HTTPS_PROXY` never routes on-device traffic through a corporate proxy.
 */
export function createLoopbackEgress(baseUrl: string): Egress {
  const prefix = `${baseUrl.replace(/\/+$/, "")}/`;
  const dispatcher = new Agent();
  return {
    async send(request: OutboundRequest): Promise<Response> {
      if (!request.url.startsWith(prefix)) throw new GatewayError("internal_error", { message: "The local server URL does not match `local.server.baseUrl`." });
      const response = await undiciFetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.method === "POST" ? { body: request.body } : {}),
        signal: request.signal,
        redirect: "error",
        dispatcher,
      });
      return response as unknown as Response;
    },
  };
}

/**
 * The local tier answered by a server the user runs (Ollama, LM Studio, llama-server): the
 * OpenAI-compatible adapter, reporting itself as `local` so routing, headers and the audit
 * trail count it as on-device.
 */
export function createLocalServerChatModel(options: LocalServerOptions, egress: Egress = createLoopbackEgress(options.baseUrl)): ChatModel {
  const adapter = createOpenAICompatibleChatModel({ providerId: "local", baseUrl: options.baseUrl, egress, timeoutMs: options.timeoutMs });
  return {
    providerId: "local",
    async doStream(call: ChatCall, streamOptions: StreamOptions) {
      try {
        return await adapter.doStream({ ...call, model: options.model }, streamOptions);
      } catch (error) {
        if (isGatewayError(error) && (error.code === "upstream_unreachable" || error.code === "upstream_timeout")) {
          throw new GatewayError("local_model_unavailable", {
            message: `The local server at ${options.baseUrl} did not answer (${error.message}) Start it (e.g. \`ollama serve\`), or change \`local.server\` in config.yaml.`,
            cause: error,
          });
        }
        throw error;
      }
    },
  };
}

const embeddingAnswerSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative().optional(), embedding: z.array(z.number()) })),
  model: z.string().optional(),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative().optional() }).optional(),
});

/** `POST /v1/embeddings` on the local server's `/embeddings` (Ollama, LM Studio and llama-server with `--embeddings` serve it). */
export function createLocalServerEmbeddingModel(options: LocalServerOptions, egress: Egress = createLoopbackEgress(options.baseUrl)): EmbeddingModel {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/embeddings`;
  return {
    providerId: "local",
    async embed(texts: string[], { signal }: StreamOptions): Promise<EmbeddingResult> {
      let response: Response;
      try {
        response = await egress.send({
          providerId: "local",
          url,
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ model: options.model, input: texts }),
          signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]),
        });
      } catch (error) {
        if (signal.aborted) throw new GatewayError("request_aborted", { cause: error });
        throw new GatewayError("local_model_unavailable", { message: `The local server at ${options.baseUrl} could not be reached. Start it (e.g. \`ollama serve\`), or change \`local.server\`.`, cause: error });
      }
      const text = await response.text();
      if (!response.ok) {
        throw new GatewayError("local_model_failed", { message: `The local server answered HTTP ${response.status} to an embeddings request; it may not serve embeddings for ${options.model}.` });
      }
      let parsed: z.infer<typeof embeddingAnswerSchema>;
      try {
        parsed = embeddingAnswerSchema.parse(JSON.parse(text));
      } catch (error) {
        throw new GatewayError("local_model_failed", { message: "The local server's embeddings answer could not be parsed.", cause: error });
      }
      const ordered = [...parsed.data].sort((first, second) => (first.index ?? 0) - (second.index ?? 0));
      if (ordered.length !== texts.length) throw new GatewayError("local_model_failed", { message: "The local server returned a different number of embeddings than inputs." });
      return { vectors: ordered.map((item) => item.embedding), promptTokens: parsed.usage?.prompt_tokens ?? 0, modelId: parsed.model ?? options.model };
    },
  };
}
