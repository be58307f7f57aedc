import type { Context } from "hono";
import { provenanceHeaders } from "../../../shared/provenance.js";
import { providerModelIds } from "../../policy/resolve-model.js";
import type { GatewayDependencies } from "../gateway-dependencies.js";
import type { GatewayEnv } from "../gateway-env.js";

/** `GET /v1/models`: `auto`, `local`, every configured `<provider>/<model>`, and the aliases. */
export function modelsHandler(dependencies: GatewayDependencies) {
  const created = Math.floor(Date.now() / 1000);
  return function models(context: Context<GatewayEnv>): Response {
    const entry = (id: string, ownedBy: string) => ({ id, object: "model", created, owned_by: ownedBy });
    // `on_device`: the local tier never leaves this machine (a local server must be on loopback).
    const data: Array<ReturnType<typeof entry> & { on_device?: true }> = [entry("auto", "privacy-router"), { ...entry("local", "privacy-router"), on_device: true }];
    for (const provider of dependencies.config.providers) {
      if (!dependencies.cloudModel(provider.id)) continue;
      for (const model of providerModelIds(provider)) data.push(entry(`${provider.id}/${model}`, provider.id));
    }
    for (const alias of Object.keys(dependencies.config.aliases)) data.push(entry(alias, "privacy-router"));
    context.header(provenanceHeaders.route, "local");
    return context.json({ object: "list", data });
  };
}
