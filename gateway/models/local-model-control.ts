import { GatewayError } from "../../shared/errors.js";
import type { LocalModelState } from "../../shared/local-models.js";
import type { LocalModelManager } from "./local-model.js";
import type { LocalModelStateListener } from "./local-model-state.js";
import type { ModelLibrary } from "./model-library.js";

/** What the admin API, `doctor` and the UI need of the local tier, whatever runs it. */
export interface LocalModelControl {
  /** What `local.model` names now (a catalogue id or a file path), or the server's model. */
  readonly reference: string | undefined;
  readonly state: LocalModelState;
  /** True when a model can answer (a file is there, or a local server is configured). */
  readonly available: boolean;
  subscribe(listener: LocalModelStateListener): () => void;
  /** Switches the local model (a catalogue id or a GGUF path; `undefined` for none) without a restart. */
  select(reference: string | undefined): Promise<void>;
}

/** A catalogue id is a bare name; anything with a folder separator or a `.gguf` ending is a file. */
export function isCatalogueReference(reference: string): boolean {
  return !/[\\/]/.test(reference) && !reference.toLowerCase().endsWith(".gguf");
}

/**
 * The local tier run by node-llama-cpp. `local.model` may name a catalogue model: it resolves
 * to the downloaded file, and until there is one the state says how to get it. A download or
 * removal of that model switches the manager over as it happens.
 */
export class GgufModelControl implements LocalModelControl {
  private current: string | undefined;
  private readonly manager: LocalModelManager;
  private readonly library: ModelLibrary | undefined;
  private readonly listeners = new Set<LocalModelStateListener>();
  private switching: Promise<void> = Promise.resolve();
  /** Why the last switch failed; shown as the state until a later switch succeeds. */
  private switchFailure: { modelPath: string; message: string } | undefined;

  constructor(manager: LocalModelManager, library: ModelLibrary | undefined, reference: string | undefined) {
    this.manager = manager;
    this.library = library;
    this.current = reference;
    manager.subscribe(() => this.emit());
    library?.subscribe((event) => {
      const id = event.type === "download-progress" ? event.progress.id : event.id;
      if (this.current !== id) return;
      // follow() never rejects here: a failure lands in the state instead of ending the process.
      if (event.type === "download-finished" || event.type === "removed") this.follow().catch(() => undefined);
      else this.emit();
    });
  }

  /** The manager's file for a reference: the path itself, or the installed catalogue model's file. */
  static resolvePath(reference: string | undefined, library: ModelLibrary | undefined): string | undefined {
    if (reference === undefined) return undefined;
    return isCatalogueReference(reference) ? library?.installedPath(reference) : reference;
  }

  get reference(): string | undefined {
    return this.current;
  }

  get available(): boolean {
    return this.manager.isConfigured;
  }

  get state(): LocalModelState {
    if (this.switchFailure) return { status: "error", ...this.switchFailure };
    const reference = this.current;
    if (reference === undefined || !isCatalogueReference(reference) || this.manager.isConfigured) return this.manager.state;
    const progress = this.library?.download(reference);
    if (progress) return { status: "downloading", modelId: reference, progress };
    if (this.library?.find(reference) === undefined) {
      return {
        status: "error",
        modelPath: reference,
        message: `\`local.model\` is \`${reference}\`, which is neither a GGUF file path nor a catalogue id (\`privacy-router models list\` shows them).`,
      };
    }
    return { status: "not-downloaded", modelId: reference, pullCommand: `privacy-router models pull ${reference}` };
  }

  subscribe(listener: LocalModelStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async select(reference: string | undefined): Promise<void> {
    if (reference !== undefined && isCatalogueReference(reference) && this.library?.find(reference) === undefined && this.library?.installedPath(reference) === undefined) {
      throw new GatewayError("model_unknown", { message: `\`${reference}\` is not in the model catalogue. \`privacy-router models list\` shows the ids.` });
    }
    this.current = reference;
    await this.follow();
  }

  /**
   * Points the manager at whatever the reference resolves to now; switches run one at a time.
   * The returned promise rejects when this switch fails, but the queue itself never does, so
   * one failed switch cannot poison the ones after it; the failure shows in the state.
   */
  private follow(): Promise<void> {
    const attempt = this.switching.then(async () => {
      const path = GgufModelControl.resolvePath(this.current, this.library);
      try {
        if (path !== this.manager.currentModelPath) await this.manager.setModelPath(path);
        this.switchFailure = undefined;
      } catch (error) {
        this.switchFailure = { modelPath: path ?? this.current ?? "", message: `The local model could not be switched: ${error instanceof Error ? error.message : String(error)}` };
        throw error;
      } finally {
        this.emit();
      }
    });
    this.switching = attempt.catch(() => undefined);
    return attempt;
  }

  private emit(): void {
    const state = this.state;
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch {
        // A closed UI stream must not stop the model from switching.
      }
    }
  }
}

/** The local tier served by a local OpenAI-compatible server: always available, nothing to load. */
export class LocalServerControl implements LocalModelControl {
  readonly available = true;
  readonly state: LocalModelState;
  readonly reference: string;

  constructor(baseUrl: string, model: string) {
    this.state = { status: "server", baseUrl, model };
    this.reference = model;
  }

  subscribe(): () => void {
    return () => undefined;
  }

  async select(): Promise<void> {
    throw new GatewayError("invalid_request", {
      message: "The local tier is a local server (`local.server` in config.yaml); to use a downloaded model instead, replace `local.server` with `local.model` and restart.",
    });
  }
}
