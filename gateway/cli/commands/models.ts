import { parseArgs } from "node:util";
import { GatewayError } from "../../../shared/errors.js";
import type { ModelDownloadProgress } from "../../../shared/local-models.js";
import { isCatalogueReference } from "../../models/local-model-control.js";
import { assertSafeModelId } from "../../models/model-id.js";
import { formatMegabytes } from "../../models/model-download.js";
import { ModelLibrary } from "../../models/model-library.js";
import { createProviderFetch } from "../../providers/provider-fetch.js";
import { writeLine } from "../cli-io.js";
import { UsageError, type CommandContext } from "../command-context.js";

export const modelsUsage = "usage: privacy-router models list [--json] | pull <id> [--accept-unpinned] | remove <id>";

/** Seconds between progress lines when stderr is not a terminal (a log file, CI). */
const plainProgressIntervalMs = 10_000;

/**
 * `privacy-router models`: the catalogue of recommended local models, downloads (resumable,
 * verified) into `<data dir>/models/`, and removal. `library` is for tests.
 */
export async function runModelsCommand(argv: string[], context: CommandContext, library?: ModelLibrary): Promise<number> {
  const [action, ...rest] = argv;
  const models = library ?? new ModelLibrary({ dataDir: context.dataDir, fetch: createProviderFetch(context.io.env).fetch });
  switch (action) {
    case "list":
      return listModels(rest, context, models);
    case "pull": {
      const acceptUnpinned = rest.includes("--accept-unpinned");
      return pullModel(single(rest.filter((argument) => argument !== "--accept-unpinned"), "pull"), context, models, acceptUnpinned);
    }
    case "remove":
      return removeModel(single(rest, "remove"), context, models);
    default:
      throw new UsageError(action === undefined ? "models needs list, pull or remove" : `unknown models action \`${action}\``);
  }
}

function single(rest: string[], action: string): string {
  const [id, extra] = rest;
  if (id === undefined || id.startsWith("-")) throw new UsageError(`models ${action} needs a model id (see \`privacy-router models list\`)`);
  if (extra !== undefined) throw new UsageError(`unexpected argument \`${extra}\``);
  return id;
}

/** `local.model`, when the config can be read; listing must work with a broken config too. */
function configuredModel(context: CommandContext): string | undefined {
  try {
    return context.loadConfig().config.local.model;
  } catch {
    return undefined;
  }
}

function listModels(argv: string[], context: CommandContext, models: ModelLibrary): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean" } } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``);
  const active = configuredModel(context);
  const installed = new Map(models.installedModels().map((model) => [model.id, model]));
  const rows = models.list(active).map((model) => ({ model, installed: installed.get(model.id) }));
  const extras = [...installed.values()].filter((model) => models.find(model.id) === undefined);
  const { stdout } = context.io;
  if (values.json) {
    const entries = [
      ...rows.map(({ model, installed: file }) => ({ id: model.id, name: model.name, sizeBytes: file?.sizeBytes ?? model.sizeBytes, sha256: file?.sha256 ?? model.sha256, installed: file !== undefined })),
      ...extras.map((model) => ({ id: model.id, name: model.id, sizeBytes: model.sizeBytes, sha256: model.sha256, installed: true })),
    ];
    writeLine(stdout, JSON.stringify(entries, null, 2));
    return 0;
  }
  for (const { model, installed: file } of rows) {
    const mark = file ? "installed" : "-";
    const flags = [model.role === "default" ? "default" : model.role === "stronger" ? "stronger" : "", model.active ? "active" : ""].filter(Boolean).join(", ");
    writeLine(stdout, `${model.id.padEnd(32)} ${formatMegabytes(file?.sizeBytes ?? model.sizeBytes).padStart(9)}  ${mark.padEnd(9)}  ${model.name}${flags ? ` (${flags})` : ""}`);
    writeLine(stdout, `${"".padEnd(32)} needs about ${formatMegabytes(model.memoryBytes)} of memory; licence ${model.licence}`);
  }
  for (const model of extras) writeLine(stdout, `${model.id.padEnd(32)} ${formatMegabytes(model.sizeBytes).padStart(9)}  installed  (no longer in the catalogue)`);
  if (active !== undefined && !isCatalogueReference(active)) writeLine(stdout, `local.model is a file: ${active}`);
  writeLine(stdout, `models folder: ${models.directory}`);
  return 0;
}

async function pullModel(id: string, context: CommandContext, models: ModelLibrary, acceptUnpinned: boolean): Promise<number> {
  assertSafeModelId(id);
  const model = models.find(id);
  const { stdout, stderr } = context.io;
  if (model === undefined) throw new GatewayError("model_unknown", { message: `\`${id}\` is not in the model catalogue; \`privacy-router models list\` shows the ids.` });
  const expected = models.expectedSha256(id);
  if (expected === null && !acceptUnpinned) {
    throw new GatewayError("model_unpinned", {
      message: `The catalogue has no pinned SHA-256 for \`${id}\`, so the file cannot be checked and was not downloaded. \`privacy-router models pull ${id} --accept-unpinned\` downloads it anyway: its hash is computed, printed and recorded, and every later download of ${id} must match it.`,
    });
  }
  if (expected === null) writeLine(stderr, `Warning: ${id} has no pinned SHA-256; downloading it unverified because of --accept-unpinned (trust on first use).`);
  writeLine(stderr, `Downloading ${model.name} (about ${formatMegabytes(model.sizeBytes)}) from ${new URL(model.url).host}`);
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once("SIGINT", interrupt);
  const progress = new ProgressPrinter(stderr);
  try {
    const installed = await models.pull(id, { signal: controller.signal, onProgress: (report) => progress.update(report), acceptUnpinned });
    progress.finish();
    writeLine(stdout, `Installed ${id}: ${models.installedPath(id) ?? installed.file} (${formatMegabytes(installed.sizeBytes)})`);
    writeLine(
      stdout,
      installed.sha256Source === "publisher"
        ? `sha256 ${installed.sha256} (matches the catalogue)`
        : expected === null
          ? `sha256 ${installed.sha256} (recorded on this first download: the catalogue has no pinned hash; compare it with the file's page on Hugging Face. Later downloads of ${id} must match it.)`
          : `sha256 ${installed.sha256} (matches the hash recorded on its first download)`,
    );
    const active = configuredModel(context);
    if (active !== id) writeLine(stdout, `To use it, set \`local: { model: ${id} }\` in config.yaml (or choose it in the app).`);
    return 0;
  } catch (error) {
    progress.finish();
    if (controller.signal.aborted) {
      writeLine(stderr, "privacy-router: download paused; run the same command again to resume it");
      return 130;
    }
    throw error;
  } finally {
    process.off("SIGINT", interrupt);
  }
}

async function removeModel(id: string, context: CommandContext, models: ModelLibrary): Promise<number> {
  assertSafeModelId(id);
  const size = models.installedModels().find((model) => model.id === id)?.sizeBytes;
  const removed = await models.remove(id);
  const { stdout, stderr } = context.io;
  if (!removed) {
    writeLine(stderr, `privacy-router: \`${id}\` is not installed`);
    return 1;
  }
  writeLine(stdout, size === undefined ? `Removed the partial download of ${id}` : `Removed ${id} (${formatMegabytes(size)} freed)`);
  if (configuredModel(context) === id) {
    writeLine(stdout, `local.model still names ${id}: sensitive requests are refused until you pull it again or choose another model.`);
  }
  return 0;
}

/** A bar redrawn in place on a terminal; a line every few seconds elsewhere. */
class ProgressPrinter {
  private readonly stream: NodeJS.WritableStream & { isTTY?: boolean };
  private lastLineAt = 0;
  private drawn = false;

  constructor(stream: NodeJS.WritableStream) {
    this.stream = stream;
  }

  update(report: ModelDownloadProgress): void {
    const text = describeProgress(report);
    if (this.stream.isTTY) {
      const fraction = report.totalBytes ? report.receivedBytes / report.totalBytes : 0;
      const width = 24;
      const filled = Math.round(fraction * width);
      this.stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${text}\u001b[K`);
      this.drawn = true;
      return;
    }
    const now = Date.now();
    const complete = report.totalBytes !== null && report.receivedBytes >= report.totalBytes;
    if (now - this.lastLineAt < plainProgressIntervalMs && !complete && this.lastLineAt !== 0) return;
    this.lastLineAt = now;
    this.stream.write(`${text}\n`);
  }

  finish(): void {
    if (this.drawn) this.stream.write("\n");
    this.drawn = false;
  }
}

function describeProgress(report: ModelDownloadProgress): string {
  const total = report.totalBytes;
  const percent = total ? `${Math.floor((report.receivedBytes / total) * 100)}% ` : "";
  const amount = total ? `${formatMegabytes(report.receivedBytes)} of ${formatMegabytes(total)}` : formatMegabytes(report.receivedBytes);
  const rate = report.bytesPerSecond > 0 ? `, ${formatMegabytes(report.bytesPerSecond)}/s` : "";
  const remaining = total && report.bytesPerSecond > 0 ? `, about ${formatDuration((total - report.receivedBytes) / report.bytesPerSecond)} left` : "";
  const resumed = report.resumedFromBytes > 0 ? ` (resumed at ${formatMegabytes(report.resumedFromBytes)})` : "";
  return `${percent}${amount}${rate}${remaining}${resumed}`;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
