/**
 * The local model as the admin API, the CLI and the UI see it: catalogue entries, what is
 * installed, downloads in progress, and the state of the model that answers local requests.
 * Plain data only, so it travels over HTTP as is.
 */

/** The catalogue id `privacy-router models pull` fetches when the user has no model yet. */
export const defaultLocalModelId = "qwen2.5-0.5b-instruct-q4_k_m";

/** The command that gets the default model, for messages that tell the user the way. */
export const pullDefaultModelCommand = `privacy-router models pull ${defaultLocalModelId}`;

export interface CatalogueModel {
  /** Lower-case id used by `models pull <id>` and `local.model`. */
  id: string;
  name: string;
  /** One line on what it is good for. */
  description: string;
  /** `default` is what a new user gets; `stronger` answers better and needs more memory. */
  role: "default" | "stronger" | "alternative";
  parameters: string;
  quantization: string;
  /** HTTPS download URL of the GGUF file, pinned to a repository commit (Hugging Face `resolve/<commit>/`). */
  url: string;
  /** The file's size as listed; the server's own length wins while downloading. */
  sizeBytes: number;
  /** Published SHA-256 of the file. `null`: unpinned, downloaded only when the user accepts that; the hash seen then is recorded and enforced afterwards. */
  sha256: string | null;
  licence: string;
  licenceUrl: string;
  /** Approximate memory while loaded with the default context (4096 tokens, 2 requests at once). */
  memoryBytes: number;
  contextLength: number;
}

/** A model file in `<data dir>/models/`, as the manifest records it. */
export interface InstalledModel {
  id: string;
  /** File name inside `<data dir>/models/`. */
  file: string;
  sha256: string;
  /** `publisher`: matched the catalogue's hash; `computed`: no published hash, recorded on first download (trust on first use). */
  sha256Source: "publisher" | "computed";
  sizeBytes: number;
  /** ISO 8601. */
  installedAt: string;
  url: string;
}

export interface ModelDownloadProgress {
  id: string;
  receivedBytes: number;
  /** `null` until the server says how large the file is. */
  totalBytes: number | null;
  /** Averaged over the last few seconds. */
  bytesPerSecond: number;
  /** Bytes kept from an earlier, interrupted download. */
  resumedFromBytes: number;
  startedAt: string;
}

/** Where the local model stands. `unloaded` means it was freed after `local.idleUnloadSeconds` without requests; the next request loads it again. */
export type LocalModelState =
  | { status: "not-configured" }
  /** `local.model` names a catalogue model that is not downloaded yet. */
  | { status: "not-downloaded"; modelId: string; pullCommand: string }
  | { status: "downloading"; modelId: string; progress: ModelDownloadProgress }
  /** Configured; the model loads on the first request that needs it. */
  | { status: "idle"; modelPath: string }
  | { status: "unloaded"; modelPath: string; unloadedAt: string }
  | { status: "loading"; modelPath: string }
  | {
      status: "ready";
      modelPath: string;
      modelId: string;
      architecture: string;
      fileBytes: number;
      /** Model weights plus context state, in bytes. */
      memoryBytes: number;
      /** The GPU backend in use (`cuda`, `vulkan`, `metal`), or `false` on the CPU. */
      gpu: string | false;
      /** Tokens each request may use (prompt and answer together). */
      contextSize: number;
      /** Requests served at once; more wait their turn. */
      parallelRequests: number;
      loadMilliseconds: number;
      /** Generated tokens per second over recent answers; `null` before the first. */
      tokensPerSecond: number | null;
    }
  /** A local server the user runs (Ollama, LM Studio, llama-server) answers; it is on this device. */
  | { status: "server"; baseUrl: string; model: string }
  | { status: "error"; modelPath: string; message: string };

export interface CatalogueModelStatus extends CatalogueModel {
  installed: boolean;
  /** Present while a download of this model runs. */
  download: ModelDownloadProgress | null;
  /** True when `local.model` (or the last switch) names this model. */
  active: boolean;
  /** The hash a download must match (the catalogue's, or the one recorded on first download); `null`: unpinned, a pull needs `acceptUnpinned`. */
  checkedSha256: string | null;
}

/** `GET /admin/v1/models`. */
export interface ModelsOverview {
  /** The model that answers local requests. */
  active: LocalModelState;
  /** What `local.model` names now: a catalogue id, a file path, or `null`. */
  activeReference: string | null;
  catalogue: CatalogueModelStatus[];
  /** Installed files that are not in the catalogue (older catalogue versions). */
  otherInstalled: InstalledModel[];
}
