import os from "node:os";
import { basename, extname } from "node:path";
import {
  getLlama,
  LlamaLogLevel,
  resolveChatWrapper,
  type ChatWrapper,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaEmbeddingContext,
  type LlamaGpuType,
  type LlamaModel,
} from "node-llama-cpp";
import { GatewayError, isGatewayError } from "../../shared/errors.js";
import { inspectGgufFile } from "./inspect-gguf-file.js";
import { LocalModelStateHolder, type LocalModelState, type LocalModelStateListener } from "./local-model-state.js";
import { SequencePool } from "./sequence-pool.js";

export interface LocalModelManagerOptions {
  /** A GGUF file; `undefined` leaves the local tier not configured. */
  modelPath: string | undefined;
  /** Tokens per request (prompt and answer). Defaults to the model's trained size, at most 8192. */
  contextSize?: number;
  /** Requests generated at once; more wait in line. Each one costs a context's worth of memory. */
  parallelRequests?: number;
  /** CPU threads for llama.cpp. Defaults to every core: llama.cpp's own default oversubscribes small machines badly. */
  threads?: number;
  /** `false` forces the CPU; `"auto"` uses a GPU when one works. */
  gpu?: "auto" | LlamaGpuType;
  /** Validate every tensor's data while loading. Slower, but a corrupt file fails here and not mid-answer. */
  checkTensors?: boolean;
  /** llama.cpp's own log lines; by default only errors are printed. */
  logger?: (level: LlamaLogLevel, message: string) => void;
  /** Frees the model after this long without requests; the next request loads it again. 0 or undefined: never. */
  idleUnloadMs?: number;
  /** Timers for the idle unload; tests pass their own to fire it without waiting. */
  timers?: IdleTimers;
  clock?: () => Date;
}

export interface IdleTimers {
  set(callback: () => void, milliseconds: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: IdleTimers = {
  set: (callback, milliseconds) => setTimeout(callback, milliseconds).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Recent answers the tokens-per-second figure averages over. */
const recentGenerationCount = 16;

/** A loaded model and its shared context, as the local providers use it. */
export interface LoadedLocalModel {
  readonly llama: Llama;
  readonly model: LlamaModel;
  readonly context: LlamaContext;
  readonly chatWrapper: ChatWrapper;
  /** The model file's name without `.gguf`: what responses report as `model`. */
  readonly modelId: string;
  readonly contextSize: number;
}

export interface SequenceLease {
  readonly loaded: LoadedLocalModel;
  readonly sequence: LlamaContextSequence;
  /** Aborted when the caller's signal aborts or the manager is disposed. */
  readonly signal: AbortSignal;
}

interface LoadedResources extends LoadedLocalModel {
  readonly pool: SequencePool<LlamaContextSequence>;
  readonly fileBytes: number;
}

const defaultMaximumContextSize = 8192;
const defaultParallelRequests = 2;

/**
 * Owns the local model: loads it on first use (after checking the file), serves requests on a
 * pool of context sequences, and frees the native memory in `dispose()`. One manager per
 * gateway process; the state it reports is what the UI shows.
 */
export class LocalModelManager {
  private readonly options: LocalModelManagerOptions;
  private readonly stateHolder: LocalModelStateHolder;
  private modelPath: string | undefined;
  private llama: Llama | undefined;
  private loading: Promise<LoadedResources> | undefined;
  private loaded: LoadedResources | undefined;
  private embeddingContext: Promise<LlamaEmbeddingContext> | undefined;
  private failure: GatewayError | undefined;
  /** Aborts every lease when the model is disposed or replaced. */
  private generation = new AbortController();
  private readonly activeLeases = new Set<Promise<unknown>>();
  private disposed = false;
  /** Callers between asking for the model and letting go of it; the idle timer waits for zero. */
  private users = 0;
  private idleTimer: unknown;
  private readonly recentGenerations: Array<{ tokens: number; milliseconds: number }> = [];

  constructor(options: LocalModelManagerOptions) {
    this.options = options;
    this.modelPath = options.modelPath;
    this.stateHolder = new LocalModelStateHolder(configuredState(options.modelPath));
  }

  get state(): LocalModelState {
    return this.stateHolder.state;
  }

  /** Calls `listener` on every state change; returns the function that stops it. */
  subscribe(listener: LocalModelStateListener): () => void {
    return this.stateHolder.subscribe(listener);
  }

  get isConfigured(): boolean {
    return this.modelPath !== undefined;
  }

  /** The GGUF file in use, or `undefined` when none is set. */
  get currentModelPath(): string | undefined {
    return this.modelPath;
  }

  /** Loads the model if needed. Concurrent callers share one load; `signal` only stops this caller's wait. */
  async load(signal?: AbortSignal): Promise<LoadedLocalModel> {
    return this.inUse(() => this.loadResources(signal));
  }

  /**
   * Runs `use` with a context sequence of its own, waiting for one when all are busy. The
   * sequence returns to the pool when `use` settles, whatever happened.
   */
  async withSequence<Result>(signal: AbortSignal, use: (lease: SequenceLease) => Promise<Result>): Promise<Result> {
    return this.inUse(async () => {
      const resources = await this.loadResources(signal);
      const leaseSignal = AbortSignal.any([signal, this.generation.signal]);
      const sequence = await resources.pool.acquire(leaseSignal);
      try {
        return await this.track(use({ loaded: resources, sequence, signal: leaseSignal }));
      } finally {
        resources.pool.release(sequence);
      }
    });
  }

  /** Feeds the tokens-per-second figure the state reports; called when an answer ends. */
  recordGeneration(tokens: number, milliseconds: number): void {
    if (tokens <= 0 || milliseconds <= 0) return;
    this.recentGenerations.push({ tokens, milliseconds });
    if (this.recentGenerations.length > recentGenerationCount) this.recentGenerations.shift();
    const state = this.stateHolder.state;
    if (state.status === "ready") this.stateHolder.set({ ...state, tokensPerSecond: this.tokensPerSecond() });
  }

  private tokensPerSecond(): number | null {
    const totals = this.recentGenerations.reduce((sum, run) => ({ tokens: sum.tokens + run.tokens, milliseconds: sum.milliseconds + run.milliseconds }), { tokens: 0, milliseconds: 0 });
    return totals.milliseconds === 0 ? null : Math.round((totals.tokens * 10_000) / totals.milliseconds) / 10;
  }

  /** Counts a caller as a user of the model for as long as `work` runs, so the idle unload waits for it. */
  private async inUse<Result>(work: () => Promise<Result>): Promise<Result> {
    this.users += 1;
    this.cancelIdleUnload();
    try {
      return await work();
    } finally {
      this.users -= 1;
      this.scheduleIdleUnload();
    }
  }

  private cancelIdleUnload(): void {
    if (this.idleTimer === undefined) return;
    (this.options.timers ?? realTimers).clear(this.idleTimer);
    this.idleTimer = undefined;
  }

  private scheduleIdleUnload(): void {
    const idleMs = this.options.idleUnloadMs ?? 0;
    if (idleMs <= 0 || this.users > 0 || this.loaded === undefined || this.disposed) return;
    this.cancelIdleUnload();
    this.idleTimer = (this.options.timers ?? realTimers).set(() => {
      this.idleTimer = undefined;
      void this.unloadWhenIdle();
    }, idleMs);
  }

  /** Frees the model's memory when nobody has used it for `idleUnloadMs`; the next request loads it again. */
  private async unloadWhenIdle(): Promise<void> {
    const modelPath = this.modelPath;
    if (this.users > 0 || this.loaded === undefined || modelPath === undefined) return;
    await this.unload();
    if (this.modelPath === modelPath && !this.disposed && this.loaded === undefined) {
      this.stateHolder.set({ status: "unloaded", modelPath, unloadedAt: (this.options.clock?.() ?? new Date()).toISOString() });
    }
  }

  /**
   * Runs `use` with the embedding context (created on first use, kept until unload).
   * node-llama-cpp evaluates one input at a time on it, so concurrent callers take turns.
   */
  async withEmbeddingContext<Result>(
    signal: AbortSignal,
    use: (embeddingContext: LlamaEmbeddingContext, loaded: LoadedLocalModel, signal: AbortSignal) => Promise<Result>,
  ): Promise<Result> {
    return this.inUse(() => this.useEmbeddingContext(signal, use));
  }

  private async useEmbeddingContext<Result>(
    signal: AbortSignal,
    use: (embeddingContext: LlamaEmbeddingContext, loaded: LoadedLocalModel, signal: AbortSignal) => Promise<Result>,
  ): Promise<Result> {
    const resources = await this.loadResources(signal);
    const leaseSignal = AbortSignal.any([signal, this.generation.signal]);
    this.embeddingContext ??= resources.model
      .createEmbeddingContext({
        contextSize: resources.contextSize,
        // Embeddings evaluate the whole input in one batch.
        batchSize: resources.contextSize,
        threads: this.threads,
      })
      .catch((error: unknown) => {
        this.embeddingContext = undefined;
        throw new GatewayError("local_model_failed", {
          message: `The local model cannot compute embeddings: ${errorText(error)}`,
          cause: error,
        });
      });
    const embeddingContext = await raceWithSignal(this.embeddingContext, leaseSignal);
    return this.track(use(embeddingContext, resources, leaseSignal));
  }

  /** Points the manager at another file (or none); the current model is unloaded first. */
  async setModelPath(modelPath: string | undefined): Promise<void> {
    this.cancelIdleUnload();
    await this.unload();
    this.modelPath = modelPath;
    this.failure = undefined;
    this.stateHolder.set(configuredState(modelPath));
  }

  /** Stops every running request and frees all native memory. The manager cannot be used afterwards. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.cancelIdleUnload();
    await this.unload();
    const llama = this.llama;
    this.llama = undefined;
    await llama?.dispose();
  }

  /** Remembers running work so unloading can wait for it to let go of native objects. */
  private async track<Result>(running: Promise<Result>): Promise<Result> {
    const settled = running.then(
      () => undefined,
      () => undefined,
    );
    this.activeLeases.add(settled);
    try {
      return await running;
    } finally {
      this.activeLeases.delete(settled);
    }
  }

  private get threads(): number {
    return this.options.threads ?? os.availableParallelism();
  }

  private async loadResources(signal: AbortSignal | undefined): Promise<LoadedResources> {
    if (this.disposed) throw new GatewayError("local_model_unavailable", { message: "The local model was shut down." });
    signal?.throwIfAborted();
    if (this.loaded !== undefined) return this.loaded;
    if (this.failure !== undefined) throw this.failure;
    const modelPath = this.modelPath;
    if (modelPath === undefined) throw new GatewayError("local_model_unavailable");
    this.loading ??= this.startLoading(modelPath);
    return raceWithSignal(this.loading, signal);
  }

  private async startLoading(modelPath: string): Promise<LoadedResources> {
    this.stateHolder.set({ status: "loading", modelPath });
    const startedAt = performance.now();
    try {
      const resources = await this.loadFrom(modelPath);
      if (this.modelPath !== modelPath || this.disposed) {
        // The configuration changed while we loaded: this model is no longer wanted.
        await disposeResources(resources);
        throw new GatewayError("local_model_unavailable", { message: "The local model was replaced while it loaded." });
      }
      this.loaded = resources;
      this.stateHolder.set({
        status: "ready",
        modelPath,
        modelId: resources.modelId,
        architecture: resources.model.fileInfo.metadata.general.architecture,
        fileBytes: resources.fileBytes,
        memoryBytes: resources.model.size + resources.context.stateSize,
        gpu: resources.llama.gpu,
        contextSize: resources.contextSize,
        parallelRequests: resources.context.totalSequences,
        loadMilliseconds: Math.round(performance.now() - startedAt),
        tokensPerSecond: this.tokensPerSecond(),
      });
      return resources;
    } catch (error) {
      const failure = isGatewayError(error)
        ? error
        : new GatewayError("local_model_unavailable", {
            message: `The local model ${basename(modelPath)} failed to load: ${errorText(error)}`,
            cause: error,
          });
      if (this.modelPath === modelPath) {
        this.failure = failure;
        this.stateHolder.set({ status: "error", modelPath, message: failure.message });
      }
      throw failure;
    } finally {
      this.loading = undefined;
    }
  }

  private async loadFrom(modelPath: string): Promise<LoadedResources> {
    const summary = await inspectGgufFile(modelPath);
    this.llama ??= await getLlama({
      maxThreads: this.threads,
      gpu: this.options.gpu ?? "auto",
      // Never compile llama.cpp at run time: it needs a toolchain and the network, and hangs without them.
      build: "never",
      skipDownload: true,
      progressLogs: false,
      logLevel: this.options.logger === undefined ? LlamaLogLevel.error : LlamaLogLevel.warn,
      ...(this.options.logger === undefined ? {} : { logger: this.options.logger }),
    });
    const model = await this.llama.loadModel({ modelPath, checkTensors: this.options.checkTensors ?? true });
    try {
      const contextSize = this.options.contextSize ?? Math.min(summary.trainContextSize ?? defaultMaximumContextSize, defaultMaximumContextSize);
      const parallelRequests = Math.max(1, this.options.parallelRequests ?? defaultParallelRequests);
      const context = await model.createContext({ contextSize, sequences: parallelRequests, threads: this.threads });
      const sequences = Array.from({ length: parallelRequests }, () => context.getSequence());
      return {
        llama: this.llama,
        model,
        context,
        chatWrapper: resolveChatWrapper(model),
        modelId: basename(modelPath, extname(modelPath)),
        contextSize: context.contextSize,
        pool: new SequencePool(sequences),
        fileBytes: summary.byteLength,
      };
    } catch (error) {
      await model.dispose();
      throw error;
    }
  }

  /** Aborts running requests, waits for them to let go of their sequences, then frees the model. */
  private async unload(): Promise<void> {
    const loading = this.loading;
    this.generation.abort(new GatewayError("local_model_unavailable", { message: "The local model was unloaded." }));
    this.generation = new AbortController();
    if (loading !== undefined) await loading.catch(() => undefined);
    const resources = this.loaded;
    this.loaded = undefined;
    const embeddingContext = this.embeddingContext;
    this.embeddingContext = undefined;
    if (resources === undefined) return;
    resources.pool.close(new GatewayError("local_model_unavailable", { message: "The local model was unloaded." }));
    await Promise.all(this.activeLeases);
    await (await embeddingContext?.catch(() => undefined))?.dispose();
    await disposeResources(resources);
  }
}

function configuredState(modelPath: string | undefined): LocalModelState {
  return modelPath === undefined ? { status: "not-configured" } : { status: "idle", modelPath };
}

async function disposeResources(resources: LoadedResources): Promise<void> {
  await resources.context.dispose();
  await resources.model.dispose();
}

/** Resolves with `promise`, or rejects as soon as `signal` aborts; the work behind `promise` goes on. */
function raceWithSignal<Value>(promise: Promise<Value>, signal: AbortSignal | undefined): Promise<Value> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<Value>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
