import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { InstalledModel } from "../../shared/local-models.js";
import { isSafeModelId, pathInside } from "./model-id.js";

const manifestFileName = "installed.json";

const installedModelSchema = z.object({
  id: z.string().refine(isSafeModelId),
  file: z.string().regex(/^[a-z0-9][a-z0-9._-]*\.gguf$/).refine((file) => !file.includes("..")),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sha256Source: z.enum(["publisher", "computed"]),
  sizeBytes: z.number().int().nonnegative(),
  installedAt: z.string(),
  url: z.string(),
});

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * `trusted`: the hash first seen for each model the catalogue has no pinned hash for (trust on
 * first use). It outlives removal, so a later download of the same id must match it.
 */
const manifestSchema = z.object({
  version: z.literal(1),
  models: z.array(installedModelSchema),
  trusted: z.record(z.string().refine(isSafeModelId), sha256Schema).optional(),
});

type Manifest = z.infer<typeof manifestSchema>;

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
    return this.read().models.filter((model) => existsSync(this.pathOf(model)));
  }

  get(id: string): InstalledModel | undefined {
    return this.list().find((model) => model.id === id);
  }

  pathOf(model: InstalledModel): string {
    return pathInside(this.directory, model.file);
  }

  /** The hash recorded the first time an unpinned model was downloaded, if it ever was. */
  trustedSha256(id: string): string | undefined {
    return this.read().trusted?.[id];
  }

  /** Records a download; `trustOnFirstUse` also remembers its hash for every later download of the id. */
  record(model: InstalledModel, trustOnFirstUse = false): void {
    const manifest = this.read();
    const trusted = trustOnFirstUse ? { ...manifest.trusted, [model.id]: model.sha256 } : manifest.trusted;
    this.write({ version: 1, models: [...manifest.models.filter((entry) => entry.id !== model.id), model], ...(trusted ? { trusted } : {}) });
  }

  forget(id: string): void {
    const manifest = this.read();
    this.write({ ...manifest, models: manifest.models.filter((entry) => entry.id !== id) });
  }

  private read(): Manifest {
    let text: string;
    try {
      text = readFileSync(join(this.directory, manifestFileName), "utf8");
    } catch {
      return { version: 1, models: [] };
    }
    const parsed = manifestSchema.safeParse(safeJson(text));
    // A damaged manifest lists nothing; the files stay, and a pull re-records them.
    return parsed.success ? parsed.data : { version: 1, models: [] };
  }

  /** Write-then-rename, so a crash leaves the old manifest or the new one, never half of one. */
  private write(manifest: Manifest): void {
    mkdirSync(this.directory, { recursive: true });
    const path = join(this.directory, manifestFileName);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
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
