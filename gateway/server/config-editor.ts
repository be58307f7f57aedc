import { createHash } from "node:crypto";
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { isNode, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { ConfigDocument, ConfigEvent, ConfigSaved, ConfigValidation, ValidationIssue } from "../../shared/admin-api.js";
import { GatewayError, isGatewayError } from "../../shared/errors.js";
import type { GatewayConfig } from "../config/config-schema.js";
import { configIssues, lineOf } from "../config/config-issues.js";
import { ConfigError, parseConfigText } from "../config/load-config.js";
import { providerAddressChanges } from "../config/provider-address-changes.js";
import type { KeyStore } from "../secrets/key-store.js";
import { lockedAddressChange, movedProviders } from "../secrets/provider-address-lock.js";
import type { Logger } from "../logging/logger.js";
import type { AdminEventBus } from "./admin-events.js";
import type { LivePipeline, PipelineParts } from "./live-pipeline.js";

/**
 * Settings read once at start-up: saved at once, live after a restart. (`logging.content` is
 * live: each request's record applies the rules of the config it started under.)
 */
const restartSettings: ReadonlyArray<[string, (config: GatewayConfig) => unknown]> = [
  ["server", (config) => config.server],
  ["local", (config) => config.local],
  ["logging.level", (config) => config.logging.level],
];

export interface ConfigEditorOptions {
  /** The config file the gateway was started with (`--config FILE`, else `<data dir>/config.yaml`). */
  path: string;
  live: LivePipeline;
  /** Builds a complete set of pipeline parts from a config; throws when the config cannot run. */
  build: (config: GatewayConfig) => PipelineParts;
  /** After a swap: e.g. record the new policy version's text in the audit store. */
  onApplied: (parts: PipelineParts) => void;
  events: AdminEventBus;
  logger: Logger;
  /**
   * With both: a change that moves a provider whose key comes from the environment (or from a
   * keychain entry without an origin) away from its address at start is refused
   * (provider-address-lock.ts).
   */
  keyStore?: KeyStore;
  startupKeyOrigins?: ReadonlyMap<string, string>;
}

export type SaveOutcome = { ok: true; saved: ConfigSaved } | { ok: false; issues: ValidationIssue[] };

type Checked = { ok: true; parts: PipelineParts } | { ok: false; issues: ValidationIssue[] };

/**
 * Reads, checks, saves and applies config.yaml for the admin API. A change is checked with the
 * loader's own schema, and a whole new pipeline is built from it, before anything is written;
 * then the file is replaced atomically (the old one kept as `.bak`) and the new pipeline swapped
 * in. Writing and swapping are synchronous, so two saves can never interleave; the one wait,
 * asking the key store about a provider whose address moved, comes before them, and the file's
 * revision is checked again after it.
 */
export class ConfigEditor {
  readonly #options: ConfigEditorOptions;

  constructor(options: ConfigEditorOptions) {
    this.#options = options;
  }

  get path(): string {
    return this.#options.path;
  }

  read(): ConfigDocument {
    const text = this.#readText();
    return { text, revision: revisionOf(text), policyVersion: this.#options.live.current().policyVersion, path: this.#options.path };
  }

  validate(text: string): ConfigValidation {
    const checked = this.#check(text);
    return checked.ok ? { ok: true, issues: [], policyVersion: checked.parts.policyVersion } : { ok: false, issues: checked.issues, policyVersion: null };
  }

  /** Saves and applies a whole config text. */
  async save(text: string, options: { baseRevision?: string | undefined; change?: ConfigEvent["change"]; providerId?: string | null; actor?: string } = {}): Promise<SaveOutcome> {
    if (options.baseRevision !== undefined && options.baseRevision !== revisionOf(this.#readText())) throw new GatewayError("config_changed");
    const checked = this.#check(text);
    if (!checked.ok) return checked;
    const { keyStore, startupKeyOrigins } = this.#options;
    if (keyStore && startupKeyOrigins && movedProviders(checked.parts.config.providers, startupKeyOrigins).length > 0) {
      const locked = await lockedAddressChange(checked.parts.config.providers, startupKeyOrigins, keyStore, AbortSignal.timeout(15_000));
      if (locked) {
        this.#options.logger.log("warn", "a provider's address change was refused: its key is bound at start", { provider: locked.providerId, client: options.actor ?? "unknown" });
        throw new GatewayError("provider_address_locked", { param: locked.path, message: locked.message });
      }
      if (options.baseRevision !== undefined && options.baseRevision !== revisionOf(this.#readText())) throw new GatewayError("config_changed");
    }
    return this.#commit(text, checked.parts, options);
  }

  #commit(text: string, parts: PipelineParts, options: { change?: ConfigEvent["change"]; providerId?: string | null; actor?: string }): SaveOutcome {
    const previous = this.#options.live.current().config;
    this.#write(text);
    this.#options.live.swap(parts);
    this.#options.onApplied(parts);
    const restartRequired = restartSettings.filter(([, read]) => JSON.stringify(read(previous)) !== JSON.stringify(read(parts.config))).map(([name]) => name);
    this.#options.events.publish({ type: "config", policyVersion: parts.policyVersion, change: options.change ?? "config", providerId: options.providerId ?? null });
    this.#options.logger.log("info", "configuration saved and applied", { state: parts.policyVersion, reason: options.change ?? "config" });
    // A provider's address decides where its key goes: every move is on record, with who made it.
    for (const move of providerAddressChanges(previous, parts.config)) {
      this.#options.logger.log("warn", "a provider's address changed", { provider: move.providerId, state: `${move.from} -> ${move.to}`, client: options.actor ?? "unknown" });
    }
    return { ok: true, saved: { policyVersion: parts.policyVersion, restartRequired, revision: revisionOf(text) } };
  }

  /**
   * Edits the file on disk as a YAML document (comments and layout kept) and saves the result
   * like `save`. `edit` may return issues of its own (a provider that does not exist).
   */
  edit(edit: (document: Document) => ValidationIssue[] | undefined, change: ConfigEvent["change"], providerId: string | null, actor?: string): Promise<SaveOutcome> {
    const text = this.#readText();
    const document = parseDocument(text);
    if (document.errors.length > 0) return Promise.resolve({ ok: false, issues: configIssues(text) });
    const issues = edit(document);
    if (issues && issues.length > 0) return Promise.resolve({ ok: false, issues });
    // The edit was made to this text: a save in between (while the key store is asked) is a conflict, not lost.
    return this.save(document.toString(), { baseRevision: revisionOf(text), change, providerId, ...(actor === undefined ? {} : { actor }) });
  }

  #check(text: string): Checked {
    const issues = configIssues(text);
    if (issues.length > 0) return { ok: false, issues };
    let config: GatewayConfig;
    try {
      config = parseConfigText(text, this.#options.path);
    } catch (error) {
      if (error instanceof ConfigError) return { ok: false, issues: [{ path: "", message: error.message }] };
      throw error;
    }
    try {
      return { ok: true, parts: this.#options.build(config) };
    } catch (error) {
      if (!isGatewayError(error) && !(error instanceof ConfigError)) throw error;
      // Routing that names a model no provider has: the field is in the message.
      const field = /routing\.(strong|weak)/.exec(error.message)?.[0] ?? "";
      const lineCounter = new LineCounter();
      const document = parseDocument(text, { lineCounter });
      const line = field ? lineOf(document, lineCounter, field.split("."), false) : undefined;
      return { ok: false, issues: [{ path: field, message: error.message, ...(line === undefined ? {} : { line }) }] };
    }
  }

  #readText(): string {
    try {
      return readFileSync(this.#options.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
      throw error;
    }
  }

  /** Temp file, fsync, keep the old file as `.bak`, rename over: a crash leaves the old or the new file, never half of one. */
  #write(text: string): void {
    const path = this.#options.path;
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.tmp`;
    const descriptor = openSync(temporary, "w", 0o600);
    try {
      writeSync(descriptor, text);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    try {
      if (existsSync(path)) copyFileSync(path, `${path}.bak`);
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}

export function revisionOf(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The index of a provider in the document's `providers` list, or -1. */
export function providerIndex(document: Document, providerId: string): number {
  const providers = document.get("providers", true);
  if (!isSeq(providers)) return -1;
  return providers.items.findIndex((item) => ((isNode(item) ? item.toJSON() : item) as { id?: unknown } | null)?.id === providerId);
}
