import type { Hono } from "hono";
import { z } from "zod";
import { configUpdateSchema, dryRunRequestSchema, type ConfigSaved } from "../../../shared/admin-api.js";
import { GatewayError } from "../../../shared/errors.js";
import { dryRun, dryRunDependencies } from "../../pipeline/dry-run.js";
import { adminActor } from "../admin-actor.js";
import type { GatewayDependencies } from "../gateway-dependencies.js";
import type { GatewayEnv } from "../gateway-env.js";
import { snapshotDependencies } from "../live-pipeline.js";
import { readJsonBody } from "../read-json-body.js";
import type { AdminDependencies } from "./admin.js";
import { validationFailure } from "./admin-providers.js";

/** config.yaml (read, check, save and apply) and the dry run. */
export function registerAdminConfigRoutes(app: Hono<GatewayEnv>, dependencies: AdminDependencies, gateway: GatewayDependencies): void {
  app.get("/admin/v1/config", (context) => {
    context.header("cache-control", "no-store");
    return context.json(dependencies.configEditor.read());
  });
  app.post("/admin/v1/config/validate", async (context) => {
    const { text } = await readJsonBody(context, configUpdateSchema);
    return context.json(dependencies.configEditor.validate(text));
  });
  app.put("/admin/v1/config", async (context) => {
    const { text, baseRevision } = await readJsonBody(context, configUpdateSchema);
    const outcome = await dependencies.configEditor.save(text, { baseRevision, change: "config", actor: adminActor(context) });
    if (!outcome.ok) return validationFailure(context, outcome.issues);
    const saved: ConfigSaved = outcome.saved;
    return context.json(saved);
  });

  // The same planning as a request (and as `explain`), under the live policy; nothing is sent or recorded.
  app.post("/admin/v1/dry-run", async (context) => {
    const request = await readJsonBody(context, dryRunRequestSchema);
    const current = snapshotDependencies(gateway);
    const dependenciesOfRun = dryRunDependencies(current.config, {
      policyVersion: current.policyVersion,
      detectors: current.detectors,
      estimateDifficulty: current.estimateDifficulty,
      localOnly: current.localOnly,
      budgets: current.budgets,
      pseudonymSecret: current.pseudonymSecret,
    });
    try {
      return context.json(dryRun(request.text, { model: request.model, client: request.client ?? "default" }, dependenciesOfRun));
    } catch (error) {
      if (error instanceof z.ZodError) throw new GatewayError("invalid_request", { param: "text", message: "The text looks like a chat request (JSON with `messages`) but is not a valid one." });
      throw error;
    }
  });
}
