import { rm } from "node:fs/promises";
import { GatewayError, isGatewayError } from "../../shared/errors.js";
import type { CatalogueModel, CatalogueModelStatus, InstalledModel, ModelDownloadProgress } from "../../shared/local-models.js";
import { modelCatalogue } from "../../models/catalogue.js";
import { inspectGgufFile } from "./inspect-gguf-file.js";
import { InstalledModels } from "./installed-models.js";
import { assertSafeModelId, isSafeModelId, pathInside, unsafeModelIdError } from "./model-id.js";
import { downloadModel, type DownloadModelOptions } from "./model-download.js";

export interface ModelLibraryOptions {
  dataDir: string;
  catalogue?: readonly CatalogueModel[];
  /** The proxy-aware fetch the providers use (`createProviderFetch`). */
  fetch?: typeof fetch;
  statfs?: DownloadModelOptions["statfs"];
  clock?: () => Date;
  connectTimeoutMs?: number;
  stallTimeoutMs?: number;
}

export type ModelLibraryEvent =
  | { type: "download-progress"; progress: ModelDownloadProgress }
  | { type: "download-finished"; id: string; installed: InstalledModel }
  | { type: "download-failed"; id: string; code: string; message: string }
  | { type: "removed"; id: string };

export type ModelLibraryListener = (event: ModelLibraryEvent) => void;

interface RunningDownload {
  progress: ModelDownloadProgress;
  controller: AbortController;
  done: Promise<InstalledModel>;
}

/**
 * The catalogue, the downloaded files and the downloads in progress. Downloads happen only
 * when asked (`pull`); nothing here connects anywhere on its own.
 */
export class ModelLibrary {
  readonly catalogue: readonly CatalogueModel[];
  private readonly installed: InstalledModels;
  private readonly options: ModelLibraryOptions;
  private readonly running = new Map<string, RunningDownload>();
  private readonly lastFailure = new Map<string, { code: string; message: string }>();
  private readonly listeners = new Set<ModelLibraryListener>();

  constructor(options: ModelLibraryOptions) {
    this.options = options;
    this.catalogue = options.catalogue ?? modelCatalogue;
    for (const model of this.catalogue) assertSafeModelId(model.id);
    this.installed = new InstalledModels(options.dataDir);
  }

  get directory(): string {
    return this.installed.directory;
  }

  find(id: string): CatalogueModel | undefined {
    return this.catalogue.find((model) => model.id === id);
  }

  /** The file of an installed model, or `undefined`. */
  installedPath(id: string): string | undefined {
    if (!isSafeModelId(id)) return undefined;
    const model = this.installed.get(id);
    return model === undefined ? undefined : this.installed.pathOf(model);
  }

  installedModels(): InstalledModel[] {
    return this.installed.list();
  }

  download(id: string): ModelDownloadProgress | undefined {
    return this.running.get(id)?.progress;
  }

  /** Why the last download of `id` failed, until the next one starts. */
  failure(id: string): { code: string; message: string } | undefined {
    return this.lastFailure.get(id);
  }

  list(activeId: string | undefined): CatalogueModelStatus[] {
    const installed = new Set(this.installed.list().map((model) => model.id));
    return this.catalogue.map((model) => ({
      ...model,
      installed: installed.has(model.id),
      download: this.running.get(model.id)?.progress ?? null,
      active: model.id === activeId,
      checkedSha256: this.expectedSha256(model.id)?.sha256 ?? null,
    }));
  }

  subscribe(listener: ModelLibraryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The hash a download of `id` must have: the catalogue's pinned one, else the one recorded when
   * it was first downloaded; `null` when neither exists (only `acceptUnpinned` downloads it then).
   */
  expectedSha256(id: string): { sha256: string; source: "publisher" | "computed" } | null {
    const pinned = this.find(id)?.sha256;
    if (pinned) return { sha256: pinned.toLowerCase(), source: "publisher" };
    const trusted = isSafeModelId(id) ? this.installed.trustedSha256(id) : undefined;
    return trusted === undefined ? null : { sha256: trusted, source: "computed" };
  }

  /**
   * Downloads a catalogue model (resuming an interrupted download), checks it and records it.
   * A second call for a model already downloading joins the running download. A model with no
   * pinned hash and none recorded is refused unless `acceptUnpinned`: then its hash is recorded
   * (trust on first use) and every later download must match it.
   */
  pull(id: string, options: { signal?: AbortSignal; onProgress?: (progress: ModelDownloadProgress) => void; acceptUnpinned?: boolean } = {}): Promise<InstalledModel> {
    if (!isSafeModelId(id)) return Promise.reject(unsafeModelIdError());
    const model = this.find(id);
    if (model === undefined) return Promise.reject(new GatewayError("model_unknown", { message: `\`${id}\` is not in the model catalogue. \`privacy-router models list\` shows the ids.` }));
    const existing = this.running.get(id);
    if (existing) return followDownload(existing, this, options);
    if (this.expectedSha256(id) === null && options.acceptUnpinned !== true) {
      return Promise.reject(
        new GatewayError("model_unpinned", {
          message: `The catalogue has no pinned SHA-256 for \`${id}\`, so its file cannot be checked. To download it anyway, pass \`--accept-unpinned\` (\`acceptUnpinned: true\` in the admin API): its hash is then computed, shown and recorded, and later downloads must match it.`,
        }),
      );
    }
    const controller = new AbortController();
    const startedAt = (this.options.clock?.() ?? new Date()).toISOString();
    const running: RunningDownload = {
      progress: { id, receivedBytes: 0, totalBytes: null, bytesPerSecond: 0, resumedFromBytes: 0, startedAt },
      controller,
      done: undefined as unknown as Promise<InstalledModel>,
    };
    this.running.set(id, running);
    this.lastFailure.delete(id);
    running.done = this.runDownload(model, running).then(
      (installed) => {
        this.running.delete(id);
        this.emit({ type: "download-finished", id, installed });
        return installed;
      },
      (error: unknown) => {
        this.running.delete(id);
        const failure = isGatewayError(error) ? error : new GatewayError("model_download_failed", { message: `The model could not be downloaded: ${error instanceof Error ? error.message : String(error)}`, cause: error });
        const aborted = controller.signal.aborted;
        const message = aborted ? "The download was cancelled; pull again to resume it." : failure.message;
        this.lastFailure.set(id, { code: aborted ? "request_aborted" : failure.code, message });
        this.emit({ type: "download-failed", id, code: aborted ? "request_aborted" : failure.code, message });
        throw aborted ? new GatewayError("request_aborted", { message }) : failure;
      },
    );
    running.done.catch(() => undefined);
    return followDownload(running, this, options);
  }

  /** Stops a running download; its `.part` file stays so a later pull resumes. */
  cancel(id: string): boolean {
    const running = this.running.get(id);
    running?.controller.abort(new GatewayError("request_aborted", { message: "The download was cancelled." }));
    return running !== undefined;
  }

  /** Stops every running download (at shutdown); the `.part` files stay for the next pull. */
  cancelAll(): void {
    for (const id of [...this.running.keys()]) this.cancel(id);
  }

  /** Deletes the model's file (and any partial download) and its manifest entry. */
  async remove(id: string): Promise<boolean> {
    assertSafeModelId(id);
    if (this.running.has(id)) throw new GatewayError("model_download_in_progress", { message: `\`${id}\` is being downloaded; cancel the download first.` });
    const installed = this.installed.get(id);
    const fileName = installed?.file ?? `${id}.gguf`;
    const partPath = pathInside(this.installed.directory, `${fileName}.part`);
    const hadPart = await rm(partPath).then(
      () => true,
      () => false,
    );
    if (installed === undefined) {
      if (!hadPart && this.find(id) === undefined) throw new GatewayError("model_unknown", { message: `\`${id}\` is neither installed nor in the catalogue.` });
      return hadPart;
    }
    await rm(this.installed.pathOf(installed), { force: true });
    this.installed.forget(id);
    this.emit({ type: "removed", id });
    return true;
  }

  private async runDownload(model: CatalogueModel, running: RunningDownload): Promise<InstalledModel> {
    const file = `${model.id}.gguf`;
    const expected = this.expectedSha256(model.id);
    const downloaded = await downloadModel({
      url: model.url,
      destination: pathInside(this.installed.directory, file),
      expectedSha256: expected?.sha256 ?? null,
      expectedBytes: model.sizeBytes,
      signal: running.controller.signal,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.statfs ? { statfs: this.options.statfs } : {}),
      ...(this.options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: this.options.connectTimeoutMs }),
      ...(this.options.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: this.options.stallTimeoutMs }),
      onProgress: (report) => {
        running.progress = { ...running.progress, ...report };
        this.emit({ type: "download-progress", progress: running.progress });
      },
      // A file llama.cpp would choke on is refused here, before it can be loaded.
      accept: async (partPath, signal) => {
        try {
          await inspectGgufFile(partPath, signal);
        } catch (error) {
          const reason = error instanceof Error ? error.message.replace(/^The local model file \S+ cannot be used: /, "").replace(/\. Set `local\.model`.*$/, "") : String(error);
          throw new GatewayError("model_verification_failed", { message: `The downloaded file for \`${model.id}\` is not a usable GGUF model (${reason}); it was deleted.`, cause: error });
        }
      },
    });
    const installed: InstalledModel = {
      id: model.id,
      file,
      sha256: downloaded.sha256,
      sha256Source: expected?.source ?? "computed",
      sizeBytes: downloaded.sizeBytes,
      installedAt: (this.options.clock?.() ?? new Date()).toISOString(),
      url: model.url,
    };
    this.installed.record(installed, expected === null);
    return installed;
  }

  private emit(event: ModelLibraryEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener (a closed event stream) must not stop a download.
      }
    }
  }
}

/** Waits for a download on behalf of one caller, with its own progress callback; its abort cancels the download (the `.part` file stays). */
function followDownload(
  running: RunningDownload,
  library: ModelLibrary,
  options: { signal?: AbortSignal; onProgress?: (progress: ModelDownloadProgress) => void },
): Promise<InstalledModel> {
  const unsubscribe = options.onProgress
    ? library.subscribe((event) => {
        if (event.type === "download-progress" && event.progress.id === running.progress.id) options.onProgress?.(event.progress);
      })
    : () => undefined;
  const onAbort = (): void => running.controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  return running.done.finally(() => {
    unsubscribe();
    options.signal?.removeEventListener("abort", onAbort);
  });
}
