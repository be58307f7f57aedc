import type { ChatHistoryItem, ChatModelFunctions, GbnfJsonSchema } from "node-llama-cpp";
import type { ChatCall } from "../../../shared/chat.js";
import { GatewayError } from "../../../shared/errors.js";
import { toGrammarJsonSchema } from "./to-grammar-json-schema.js";
import { toLlamaChatHistory } from "./to-llama-chat-history.js";
import { toLlamaFunctions } from "./to-llama-functions.js";

/** Everything about a chat call the local model needs, checked before any native work starts. */
export interface LocalGenerationSettings {
  history: ChatHistoryItem[];
  functions: ChatModelFunctions | undefined;
  forceCall: boolean;
  /** `parallel_tool_calls: false`: at most one call per answer. */
  singleToolCall: boolean;
  /** `json-object`: any JSON object; a schema: JSON matching it; `undefined`: free text. */
  responseFormat: "json-object" | GbnfJsonSchema | undefined;
  maxTokens: number | undefined;
  temperature: number;
  topP: number | undefined;
  /** node-llama-cpp takes a 32-bit seed. */
  seed: number | undefined;
  stop: string[];
}

/**
 * Used when a request sets no temperature. OpenAI's default is 1; llama.cpp and Ollama default
 * to 0.8, and small local models wander off at 1.
 */
export const defaultLocalTemperature = 0.8;

/** Maps a ChatCall to local generation settings; throws a GatewayError naming the parameter it cannot honour. */
export function toLocalGenerationSettings(call: ChatCall): LocalGenerationSettings {
  const history = toLlamaChatHistory(call.messages);
  const { functions, forceCall } = toLlamaFunctions(call.tools, call.toolChoice);

  let responseFormat: LocalGenerationSettings["responseFormat"];
  if (call.responseFormat?.type === "json_object") responseFormat = "json-object";
  if (call.responseFormat?.type === "json_schema") {
    responseFormat = toGrammarJsonSchema(call.responseFormat.jsonSchema.schema ?? {}, "response_format.json_schema.schema");
  }
  if (responseFormat !== undefined && functions !== undefined) {
    // node-llama-cpp's function calling drives its own grammars; it cannot also hold the answer to a schema.
    throw new GatewayError("unsupported_parameter", {
      message: "The local model cannot combine `tools` with a JSON `response_format` in one request. Send one or the other, or set `tool_choice` to `none`.",
      param: "response_format",
    });
  }

  return {
    history,
    functions,
    forceCall,
    singleToolCall: call.parallelToolCalls === false,
    responseFormat,
    maxTokens: optionalInRange(call.maxTokens, "max_tokens", 1, Number.MAX_SAFE_INTEGER, true),
    temperature: optionalInRange(call.temperature, "temperature", 0, 2, false) ?? defaultLocalTemperature,
    topP: optionalInRange(call.topP, "top_p", 0, 1, false),
    seed: call.seed === undefined ? undefined : toSeed(call.seed),
    stop: (call.stop ?? []).filter((sequence) => sequence !== ""),
  };
}

function optionalInRange(value: number | undefined, param: string, minimum: number, maximum: number, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < minimum || value > maximum || (integer && !Number.isInteger(value))) {
    throw new GatewayError("invalid_request", {
      message: `\`${param}\` must be ${integer ? "an integer" : "a number"} from ${minimum} to ${maximum}.`,
      param,
    });
  }
  return value;
}

function toSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new GatewayError("invalid_request", { message: "`seed` must be an integer.", param: "seed" });
  // Fold a 64-bit OpenAI seed into 32 bits deterministically, so equal seeds still give equal answers.
  return Number(BigInt.asUintN(32, BigInt(seed)));
}
