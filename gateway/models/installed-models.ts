import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { InstalledModel } from "../../shared/local-models.js";

const manifestFileName = "installed.json";

const installedModelSchema = z.object({
  id: z.string().min(1),
  file: z.string().regex(/^[^/\\]+\.gguf$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sha256Source: z.enum(["publisher", "computed"]),
  sizeBytes: z.number().int().nonnegative(),
  installedAt: z.string(),
  url: z.string(),
});

const manifestSchema = z.object({ version: z.literal(1), models: z.array(installedModelSchema) });

/** `<data dir>/models/`: downloaded model files and the manifest that records them. */
export function modelsDirectory(dataDir: string): string {
  return join(dataDir, "models");
}

/**
 * `<data dir>/models/installed.json`: which catalogue models are downloaded, with the SHA-256
 * each file had when it was accepted. Entries whose file has gone are left out when read, so
 * a file deleted by hand does not count as installed.
 */
export class InstalledModels {
  readonly directory: string;

  constructor(dataDir: string) {
    this.directory = modelsDirectory(dataDir);
  }

  list(): InstalledModel[] {
    return this.read().filter((model) => existsSync(join(this.directory, model.file)));
  }

  get(id: string): InstalledModel | undefined {
    return this.list().find((model) => model.id === id);
  }

  pathOf(model: InstalledModel): string {
    return join(this.directory, model.file);
  }

  record(model: InstalledModel): void {
    this.write([...this.read().filter((entry) => entry.id !== model.id), model]);
  }

  forget(id: string): void {
    this.write(this.read().filter((entry) => entry.id !== id));
  }

  private read(): InstalledModel[] {
    let text: string;
    try {
      text = readFileSync(join(this.directory, manifestFileName), "utf8");
    } catch {
      return [];
    }
    const parsed = manifestSchema.safeParse(safeJson(text));
    // A damaged manifest lists nothing; the files stay, and a pull re-records them.
    return parsed.success ? parsed.data.models : [];
  }

  /** Write-then-rename, so a crash leaves the old manifest or the new one, never half of one. */
  private write(models: InstalledModel[]): void {
    mkdirSync(this.directory, { recursive: true });
    const path = join(this.directory, manifestFileName);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ version: 1, models }, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, path);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
