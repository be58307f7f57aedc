import { randomBytes, randomInt } from "node:crypto";
import { LlamaChat, LlamaText, type LLamaChatGenerateResponseOptions, type ChatModelFunctions, type LlamaGrammar } from "node-llama-cpp";
import type { ChatCall, FinishReason } from "../../shared/chat.js";
import { GatewayError, isGatewayError } from "../../shared/errors.js";
import type { LoadedLocalModel, LocalModelManager, SequenceLease } from "../models/local-model.js";
import type { ChatModel, ChatStreamPart, StreamOptions } from "./chat-model.js";
import { forceFunctionCall } from "./local/force-function-call.js";
import { toLocalGenerationSettings, type LocalGenerationSettings } from "./local/local-generation-settings.js";
import { ToolCallArgumentsStream } from "./local/tool-call-arguments-stream.js";

/**
 * The local tier: answers chat calls with the GGUF model the manager holds. Everything that can
 * be refused (unsupported parameters, a prompt longer than the context, no model) is refused
 * before the stream exists, so the HTTP edge can still answer with a status code; failures
 * while generating arrive as an `error` part.
 */
export class LocalChatModel implements ChatModel {
  readonly providerId = "local";
  private readonly manager: LocalModelManager;

  constructor(manager: LocalModelManager) {
    this.manager = manager;
  }

  async doStream(call: ChatCall, options: StreamOptions): Promise<ReadableStream<ChatStreamPart>> {
    let prepared: PreparedCall;
    try {
      prepared = await this.prepare(call, options.signal);
    } catch (error) {
      throw toLocalModelError(error, options.signal);
    }
    const { loaded, settings, grammar, promptTokens, maxTokens } = prepared;

    const stop = new AbortController();
    const signal = AbortSignal.any([options.signal, stop.signal]);
    let controller!: ReadableStreamDefaultController<ChatStreamPart>;
    let closed = false;
    const emit = (part: ChatStreamPart): void => {
      if (!closed) controller.enqueue(part);
    };
    const close = (): void => {
      if (closed) return;
      closed = true;
      controller.close();
    };
    return new ReadableStream<ChatStreamPart>({
      start: (streamController) => {
        controller = streamController;
        emit({ type: "response-metadata", modelId: loaded.modelId });
        this.manager
          .withSequence(signal, (lease) =>
            generate(lease, settings, grammar, maxTokens, promptTokens, emit, (tokens, milliseconds) => this.manager.recordGeneration(tokens, milliseconds)),
          )
          .catch((error: unknown) => emit({ type: "error", error: toLocalModelError(error, signal) }))
          .finally(close);
      },
      cancel: (reason) => {
        closed = true;
        stop.abort(reason);
      },
    });
  }

  /** Everything that can refuse the call runs here, before a stream exists. */
  private async prepare(call: ChatCall, signal: AbortSignal): Promise<PreparedCall> {
    const settings = toLocalGenerationSettings(call);
    const loaded = await this.manager.load(signal);
    const grammar = await createGrammar(loaded, settings);
    const promptTokens = countPromptTokens(loaded, settings);
    const available = loaded.contextSize - promptTokens;
    if (available < 1) {
      throw new GatewayError("invalid_request", {
        message: `The conversation is ${promptTokens} tokens, more than the local model's context of ${loaded.contextSize} tokens. Shorten it or use a cloud model.`,
        param: "messages",
      });
    }
    // Without a cap a model that never stops would run until the context is full and then shift it forever.
    const maxTokens = Math.min(settings.maxTokens ?? available, available);
    return { loaded, settings, grammar, promptTokens, maxTokens };
  }
}

interface PreparedCall {
  loaded: LoadedLocalModel;
  settings: LocalGenerationSettings;
  grammar: LlamaGrammar | undefined;
  promptTokens: number;
  maxTokens: number;
}

async function generate(
  lease: SequenceLease,
  settings: LocalGenerationSettings,
  grammar: LlamaGrammar | undefined,
  maxTokens: number,
  promptTokens: number,
  emit: (part: ChatStreamPart) => void,
  onGenerated: (tokens: number, milliseconds: number) => void,
): Promise<void> {
  const { loaded, sequence, signal } = lease;
  // Timed from the first token, so the figure is generation speed and not prompt reading.
  let firstOutputAt: number | undefined;
  const noteOutput = (): void => {
    firstOutputAt ??= performance.now();
  };
  const chatWrapper = settings.forceCall ? forceFunctionCall(loaded.chatWrapper) : loaded.chatWrapper;
  const chat = new LlamaChat({ contextSequence: sequence, chatWrapper });
  const meterBefore = sequence.tokenMeter.getState();
  const toolCalls = new ToolCallEmitter(emit);
  try {
    const common = {
      signal,
      // Keep what was generated when aborted; the abort itself is reported below.
      stopOnAbortSignal: true,
      maxTokens,
      temperature: settings.temperature,
      ...(settings.topP === undefined ? {} : { topP: settings.topP }),
      // node-llama-cpp's own default seed is the current second: requests in the same second would
      // sample alike. A fresh seed per request behaves like a cloud API; a given seed repeats.
      seed: settings.seed ?? randomInt(2 ** 32),
      ...(settings.stop.length === 0 ? {} : { customStopTriggers: settings.stop }),
      onTextChunk: (text: string) => {
        noteOutput();
        if (text !== "") emit({ type: "text-delta", delta: text });
      },
    };
    const generateOptions: LLamaChatGenerateResponseOptions<ChatModelFunctions> =
      settings.functions === undefined
        ? { ...common, ...(grammar === undefined ? {} : { grammar }) }
        : {
            ...common,
            functions: settings.functions,
            documentFunctionParams: true,
            // Wrappers without parallel calls (ChatML among them) make one call per answer anyway.
            ...(settings.singleToolCall ? { maxParallelFunctionCalls: 1 } : {}),
            onFunctionCallParamsChunk: (chunk) => {
              noteOutput();
              toolCalls.onParamsChunk(chunk.callIndex, chunk.functionName, chunk.paramsChunk);
            },
            onFunctionCall: (functionCall) => toolCalls.onCallDone(functionCall.functionName),
          };
    const result = await chat.generateResponse(settings.history, generateOptions);
    if (signal.aborted) throw signal.reason;
    const completionTokens = sequence.tokenMeter.diff(meterBefore).usedOutputTokens;
    if (firstOutputAt !== undefined) onGenerated(completionTokens - 1, performance.now() - firstOutputAt);
    emit({
      type: "finish",
      finishReason: toFinishReason(result.metadata.stopReason, toolCalls.count),
      usage: { promptTokens, completionTokens },
    });
  } finally {
    chat.dispose({ disposeSequence: false });
  }
}

/** Turns node-llama-cpp's function-call callbacks into tool-call parts with OpenAI-style ids. */
class ToolCallEmitter {
  private readonly emit: (part: ChatStreamPart) => void;
  private currentIndex = -1;
  private currentArguments = new ToolCallArgumentsStream();
  count = 0;

  constructor(emit: (part: ChatStreamPart) => void) {
    this.emit = emit;
  }

  onParamsChunk(callIndex: number, name: string, chunk: string): void {
    this.startIfNew(callIndex, name);
    const ready = this.currentArguments.push(chunk);
    if (ready !== "") this.emit({ type: "tool-call-delta", index: callIndex, argumentsDelta: ready });
  }

  onCallDone(name: string): void {
    const index = this.count;
    this.startIfNew(index, name);
    // A function without parameters streams no text; OpenAI clients expect an empty object.
    if (!this.currentArguments.started) this.emit({ type: "tool-call-delta", index, argumentsDelta: "{}" });
    this.count += 1;
  }

  private startIfNew(index: number, name: string): void {
    if (index === this.currentIndex) return;
    this.currentIndex = index;
    this.currentArguments = new ToolCallArgumentsStream();
    this.emit({ type: "tool-call-start", index, id: `call_${randomBytes(12).toString("hex")}`, name });
  }
}

async function createGrammar(loaded: LoadedLocalModel, settings: LocalGenerationSettings): Promise<LlamaGrammar | undefined> {
  if (settings.responseFormat === undefined) return undefined;
  if (settings.responseFormat === "json-object") return loaded.llama.getGrammarFor("json");
  try {
    // The schema is built at run time, so the generic type-level inference has nothing to work with.
    const schema = settings.responseFormat as Parameters<typeof loaded.llama.createGrammarForJsonSchema>[0];
    return await loaded.llama.createGrammarForJsonSchema(schema);
  } catch (error) {
    throw new GatewayError("unsupported_parameter", {
      message: `The local model cannot turn this JSON schema into a grammar: ${error instanceof Error ? error.message : String(error)}`,
      param: "response_format.json_schema.schema",
      cause: error,
    });
  }
}

/** The prompt exactly as the chat wrapper renders it (functions documentation included), tokenized. */
function countPromptTokens(loaded: LoadedLocalModel, settings: LocalGenerationSettings): number {
  const { contextText } = loaded.chatWrapper.generateContextState({
    chatHistory: settings.history,
    ...(settings.functions === undefined ? {} : { availableFunctions: settings.functions, documentFunctionParams: true }),
  });
  const tokens = contextText.tokenize(loaded.model.tokenizer).length;
  const forcedPrefix = settings.forceCall ? LlamaText(loaded.chatWrapper.settings.functions.call.prefix).tokenize(loaded.model.tokenizer).length : 0;
  return tokens + forcedPrefix;
}

function toFinishReason(stopReason: string, toolCallCount: number): FinishReason {
  if (stopReason === "maxTokens") return "length";
  if (stopReason === "functionCalls" || toolCallCount > 0) return "tool_calls";
  return "stop";
}

/** Whatever went wrong, as the GatewayError the edges know how to report. */
function toLocalModelError(error: unknown, signal: AbortSignal): GatewayError {
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    return isGatewayError(reason) ? reason : new GatewayError("request_aborted", { cause: reason });
  }
  if (isGatewayError(error)) return error;
  return new GatewayError("local_model_failed", {
    message: `The local model failed while answering: ${error instanceof Error ? error.message : String(error)}`,
    cause: error,
  });
}
