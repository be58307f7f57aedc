import { GatewayError, isGatewayError } from "../../shared/errors.js";
import type { LocalModelManager } from "../models/local-model.js";
import type { EmbeddingModel, EmbeddingResult, StreamOptions } from "./chat-model.js";

/** `POST /v1/embeddings` on the local model. */
export class LocalEmbeddingModel implements EmbeddingModel {
  readonly providerId = "local";
  private readonly manager: LocalModelManager;

  constructor(manager: LocalModelManager) {
    this.manager = manager;
  }

  async embed(texts: string[], options: StreamOptions): Promise<EmbeddingResult> {
    texts.forEach((text, index) => {
      if (text === "") throw new GatewayError("invalid_request", { message: `input[${index}] is empty; embeddings need text.`, param: "input" });
    });
    return this.manager.withEmbeddingContext(options.signal, async (embeddingContext, loaded, signal) => {
      const usable = loaded.contextSize;
      const lengths = texts.map((text, index) => {
        const length = embeddingContext.calculateInputLength(text);
        if (length >= usable) {
          throw new GatewayError("invalid_request", {
            message: `input[${index}] is ${length} tokens; the local model embeds at most ${usable - 1}.`,
            param: "input",
          });
        }
        return length;
      });
      const vectors: number[][] = [];
      for (const text of texts) {
        signal.throwIfAborted();
        try {
          const embedding = await embeddingContext.getEmbeddingFor(text);
          vectors.push(normalize(embedding.vector));
        } catch (error) {
          if (signal.aborted) throw signal.reason;
          if (isGatewayError(error)) throw error;
          throw new GatewayError("local_model_failed", {
            message: `The local model failed to embed the input: ${error instanceof Error ? error.message : String(error)}`,
            cause: error,
          });
        }
      }
      return { vectors, promptTokens: lengths.reduce((sum, length) => sum + length, 0), modelId: loaded.modelId };
    });
  }
}

/** OpenAI returns unit-length vectors and clients compare them with a plain dot product. */
function normalize(vector: readonly number[]): number[] {
  let squares = 0;
  for (const value of vector) squares += value * value;
  const length = Math.sqrt(squares);
  return length === 0 ? [...vector] : vector.map((value) => value / length);
}
