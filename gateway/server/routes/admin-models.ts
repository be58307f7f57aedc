import type { Hono } from "hono";
import type { Document } from "yaml";
import { z } from "zod";
import type { ActiveModelResult, ModelPullAccepted } from "../../../shared/admin-api.js";
import { GatewayError } from "../../../shared/errors.js";
import type { ModelsOverview } from "../../../shared/local-models.js";
import { isCatalogueReference, type LocalModelControl } from "../../models/local-model-control.js";
import { assertSafeModelId } from "../../models/model-id.js";
import type { ModelLibrary } from "../../models/model-library.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";

export interface AdminModelsDependencies {
  library: ModelLibrary;
  /** The local tier's control; absent when the gateway runs without one (then a switch needs a restart). */
  control: LocalModelControl | undefined;
  /** Writes `local.model` into config.yaml (comments kept); absent: the switch lasts until restart. */
  configEditor?: {
    edit(edit: (document: Document) => undefined, change: "config", providerId: null): Promise<{ ok: true } | { ok: false; issues: Array<{ message: string }> }>;
  };
}

const activeBodySchema = z.strictObject({
  /** A catalogue id, an absolute path to a `.gguf` file, or `null` for no local model. */
  id: z
    .string()
    .min(1)
    .max(1000)
    .refine((value) => isCatalogueReference(value) || value.toLowerCase().endsWith(".gguf"), "a catalogue id or a path to a .gguf file")
    .nullable(),
});

/** `POST /admin/v1/models/:id/pull`: the body may be empty; `acceptUnpinned` confirms a model with no pinned hash. */
const pullBodySchema = z.strictObject({ acceptUnpinned: z.boolean().optional() });

/**
 * Model management for the UI and scripts:
 * GET /admin/v1/models, POST|DELETE /admin/v1/models/:id/pull (start, cancel a download),
 * DELETE /admin/v1/models/:id, PUT /admin/v1/models/active. Downloads run in the gateway and
 * report progress through GET and `model` events; nothing is downloaded unless asked here.
 */
export function registerAdminModelRoutes(app: Hono<GatewayEnv>, dependencies: AdminModelsDependencies): void {
  const { library } = dependencies;

  const overview = (): ModelsOverview => {
    const reference = dependencies.control?.reference;
    const catalogue = library.list(reference);
    const listed = new Set(catalogue.map((model) => model.id));
    return {
      active: dependencies.control?.state ?? { status: "not-configured" },
      activeReference: reference ?? null,
      catalogue,
      otherInstalled: library.installedModels().filter((model) => !listed.has(model.id)),
    };
  };

  app.get("/admin/v1/models", (context) => context.json(overview()));

  app.post("/admin/v1/models/:id/pull", async (context) => {
    const id = context.req.param("id");
    assertSafeModelId(id);
    const { acceptUnpinned } = (await context.req.text()).trim() === "" ? {} : await readJsonBody(context, pullBodySchema);
    if (library.find(id) === undefined) throw new GatewayError("model_unknown", { message: `\`${id}\` is not in the model catalogue.` });
    if (library.installedPath(id) !== undefined && library.download(id) === undefined) {
      const body: ModelPullAccepted = { id, status: "installed", download: null };
      return context.json(body, 200);
    }
    // Checked here too, so the refusal is this answer rather than a failed download event.
    if (library.download(id) === undefined && library.expectedSha256(id) === null && acceptUnpinned !== true) {
      throw new GatewayError("model_unpinned", {
        message: `The catalogue has no pinned SHA-256 for \`${id}\`. Send \`{"acceptUnpinned": true}\` to download it anyway: its hash is computed, recorded, and required of every later download.`,
      });
    }
    // Runs on after this answer; progress and the outcome arrive as `model` events and in GET.
    library.pull(id, { acceptUnpinned: acceptUnpinned === true }).catch(() => undefined);
    const body: ModelPullAccepted = { id, status: "downloading", download: library.download(id) ?? null };
    return context.json(body, 202);
  });

  app.delete("/admin/v1/models/:id/pull", (context) => {
    const id = context.req.param("id");
    assertSafeModelId(id);
    if (!library.cancel(id)) throw new GatewayError("not_found", { message: `No download of \`${id}\` is running.` });
    return context.json({ id, cancelled: true });
  });

  app.delete("/admin/v1/models/:id", async (context) => {
    const id = context.req.param("id");
    assertSafeModelId(id);
    const removed = await library.remove(id);
    if (!removed) throw new GatewayError("not_found", { message: `\`${id}\` is not installed.` });
    return context.json(overview());
  });

  app.put("/admin/v1/models/active", async (context) => {
    const { id } = await readJsonBody(context, activeBodySchema);
    const reference = id ?? undefined;
    if (reference !== undefined && isCatalogueReference(reference) && library.find(reference) === undefined && library.installedPath(reference) === undefined) {
      throw new GatewayError("model_unknown", { message: `\`${reference}\` is not in the model catalogue.` });
    }
    const persisted = await persist(dependencies, reference);
    if (dependencies.control) await dependencies.control.select(reference);
    const body: ActiveModelResult = { ...overview(), persisted, restartRequired: dependencies.control === undefined };
    return context.json(body);
  });
}

/** Saves the choice in config.yaml so it survives a restart; a config that refuses it is a 400. */
async function persist(dependencies: AdminModelsDependencies, reference: string | undefined): Promise<boolean> {
  if (!dependencies.configEditor) return false;
  const outcome = await dependencies.configEditor.edit(
    (document) => {
      if (reference === undefined) document.deleteIn(["local", "model"]);
      else document.setIn(["local", "model"], reference);
      return undefined;
    },
    "config",
    null,
  );
  if (!outcome.ok) throw new GatewayError("invalid_request", { message: `config.yaml was not changed: ${outcome.issues.map((issue) => issue.message).join("; ")}` });
  return true;
}
