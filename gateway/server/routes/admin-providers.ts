import type { Context, Hono } from "hono";
import { isSeq, type Document } from "yaml";
import { z } from "zod";
import { providerKeyBodySchema, type KeyStatus, type ProviderList, type ProviderSaved, type ProviderTestResult, type ProviderView, type ValidationErrorBody, type ValidationIssue } from "../../../shared/admin-api.js";
import { GatewayError, toOpenAIErrorBody } from "../../../shared/errors.js";
import type { ProviderConfig } from "../../config/config-schema.js";
import { anthropicVersion } from "../../providers/anthropic-chat-model.js";
import { describeBinding } from "../../secrets/key-binding.js";
import { originOf } from "../../secrets/key-origin.js";
import { isKeyStoreError } from "../../secrets/key-store-error.js";
import { adminActor } from "../admin-actor.js";
import { providerIndex } from "../config-editor.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";
import type { AdminDependencies } from "./admin.js";

const providerIdPattern = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** The body is checked field by field by the config schema once it is in place; here only its shape. */
const providerBody = z.record(z.string(), z.unknown());
const testTimeoutMs = 15_000;

/** 400 `invalid_config` with the field-level issues. */
export function validationFailure(context: Context<GatewayEnv>, issues: ValidationIssue[]): Response {
  const first = issues[0];
  const error = new GatewayError("invalid_config", {
    param: first?.path || null,
    message: first ? `The configuration is not valid; nothing was changed. ${first.path ? `\`${first.path}\`: ` : ""}${first.message}` : undefined,
  });
  const body: ValidationErrorBody = { ...toOpenAIErrorBody(error), issues };
  return context.json(body, 400);
}

/**
 * Providers and their keys. Edits go through the config editor (saved to config.yaml, applied
 * live); keys go to the OS keychain and never come back out: answers say only whether a key is
 * set and where it comes from.
 */
export function registerAdminProviderRoutes(app: Hono<GatewayEnv>, dependencies: AdminDependencies): void {
  const startupOrigins = dependencies.startupKeyOrigins ?? new Map<string, string>();
  // A key bound to another address than the provider's current one is shown as not configured,
  // with the reason: the gateway will not send it (key-binding.ts).
  const keyStatus = async (provider: ProviderConfig): Promise<KeyStatus> => {
    const description = await dependencies.keyStore.describe(provider.id);
    const currentOrigin = originOf(provider.baseUrl);
    const binding = describeBinding(description, currentOrigin, startupOrigins);
    const otherAddress = description.source !== "none" && !binding.matches;
    return {
      configured: description.source !== "none" && binding.matches,
      source: description.source === "none" ? null : description.source,
      environmentVariable: description.environmentVariable,
      problem: otherAddress
        ? `configured for another address: the provider's address was changed since the key was set (the key is bound to ${binding.boundOrigin ?? "no address"}, the provider is now at ${currentOrigin ?? "an invalid address"}). Check that this change was intended before setting the key again for the new address.`
        : (description.keychainProblem ?? null),
    };
  };
  const view = async (provider: ProviderConfig): Promise<ProviderView> => ({
    id: provider.id,
    kind: provider.kind,
    baseUrl: provider.baseUrl,
    models: provider.models,
    dataPolicy: provider.dataPolicy,
    supported: dependencies.live.current().cloudModel(provider.id) !== undefined,
    key: await keyStatus(provider),
  });
  const configured = (providerId: string): ProviderConfig => {
    const provider = dependencies.live.current().config.providers.find((entry) => entry.id === providerId);
    if (!provider) throw new GatewayError("not_found", { message: `No provider \`${providerId}\` is configured.` });
    return provider;
  };

  app.get("/admin/v1/providers", async (context) => {
    const list: ProviderList = { providers: await Promise.all(dependencies.live.current().config.providers.map(view)) };
    return context.json(list);
  });

  app.put("/admin/v1/providers/:id", async (context) => {
    const id = context.req.param("id");
    const body = await readJsonBody(context, providerBody);
    if (!providerIdPattern.test(id) || ["local", "auto", "none"].includes(id)) {
      return validationFailure(context, [{ path: "id", message: "a lower-case id of letters, digits, '.', '_' or '-' (not `local`, `auto`, `none`)" }]);
    }
    const { id: _ignored, ...settings } = body;
    const outcome = await dependencies.configEditor.edit(
      (document) => {
        const entry = document.createNode({ id, ...settings });
        const index = providerIndex(document, id);
        const providers = document.get("providers", true);
        if (index >= 0) document.setIn(["providers", index], entry);
        else if (isSeq(providers)) providers.add(entry);
        else document.set("providers", document.createNode([{ id, ...settings }]));
        return undefined;
      },
      "provider",
      id,
      adminActor(context),
    );
    if (!outcome.ok) return validationFailure(context, outcome.issues);
    const saved: ProviderSaved = { provider: await view(configured(id)), applied: { policyVersion: outcome.saved.policyVersion, restartRequired: outcome.saved.restartRequired } };
    return context.json(saved);
  });

  app.delete("/admin/v1/providers/:id", async (context) => {
    const id = context.req.param("id");
    configured(id);
    const outcome = await dependencies.configEditor.edit((document: Document) => {
      const index = providerIndex(document, id);
      if (index < 0) return [{ path: "providers", message: `\`${id}\` is not in config.yaml` }];
      document.deleteIn(["providers", index]);
      return undefined;
    }, "provider", id, adminActor(context));
    if (!outcome.ok) return validationFailure(context, outcome.issues);
    return context.json({ policyVersion: outcome.saved.policyVersion, restartRequired: outcome.saved.restartRequired });
  });

  app.put("/admin/v1/providers/:id/key", async (context) => {
    const provider = configured(context.req.param("id"));
    const { value } = await readJsonBody(context, providerKeyBodySchema);
    // The key is for the address the provider has now, and goes nowhere else.
    const origin = originOf(provider.baseUrl);
    try {
      await dependencies.keyStore.set(provider.id, value, origin === undefined ? {} : { origin });
    } catch (error) {
      throw keyError(error);
    }
    dependencies.events.publish({ type: "config", policyVersion: dependencies.live.current().policyVersion, change: "key", providerId: provider.id });
    return context.json(await keyStatus(configured(provider.id)));
  });

  app.delete("/admin/v1/providers/:id/key", async (context) => {
    const provider = configured(context.req.param("id"));
    try {
      await dependencies.keyStore.delete(provider.id);
    } catch (error) {
      throw keyError(error);
    }
    dependencies.events.publish({ type: "config", policyVersion: dependencies.live.current().policyVersion, change: "key", providerId: provider.id });
    return context.json(await keyStatus(provider));
  });

  app.post("/admin/v1/providers/:id/test", async (context) => {
    const provider = configured(context.req.param("id"));
    return context.json(await testProvider(provider, dependencies));
  });
}

/** Keychain failures in the API's words; a rejected value is never repeated back. */
function keyError(error: unknown): GatewayError {
  if (!isKeyStoreError(error)) return new GatewayError("internal_error", { message: "The key could not be stored." });
  if (error.code === "keychain_unavailable") return new GatewayError("keychain_unavailable", { message: error.message });
  return new GatewayError("invalid_request", { param: "value", message: error.message });
}

/**
 * Lists the provider's models through the egress gate: the same door, URL check and key as a
 * real request, and a body with nothing in it. Reports what happened in words, never the key.
 * The key goes only to the origin it is bound to, Anthropic's `x-api-key` as well (key-binding.ts).
 */
async function testProvider(provider: ProviderConfig, dependencies: AdminDependencies): Promise<ProviderTestResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
  const anthropic = provider.kind === "anthropic";
  try {
    const response = await dependencies.live.current().egress.send({
      providerId: provider.id,
      url: `${provider.baseUrl.replace(/\/+$/, "")}/models`,
      method: "GET",
      headers: anthropic ? { accept: "application/json", "anthropic-version": anthropicVersion } : { accept: "application/json" },
      ...(anthropic ? { credentialHeader: "x-api-key" as const } : {}),
      body: "{}",
      signal: AbortSignal.timeout(testTimeoutMs),
    });
    const text = await response.text();
    if (!response.ok) {
      return { ok: false, status: response.status, latencyMs: elapsed(), models: [], message: `The provider answered ${response.status}${response.status === 401 || response.status === 403 ? ": the key was refused" : ""}.` };
    }
    let models: string[] = [];
    try {
      const parsed = JSON.parse(text) as { data?: Array<{ id?: unknown }> };
      models = (parsed.data ?? []).map((entry) => entry.id).filter((id): id is string => typeof id === "string").slice(0, 200);
    } catch {
      // A server that answers 200 with something else is still reachable.
    }
    return { ok: true, status: response.status, latencyMs: elapsed(), models, message: `Connected: the provider lists ${models.length} model(s).` };
  } catch (error) {
    if (error instanceof GatewayError) return { ok: false, status: error.upstreamStatus ?? null, latencyMs: elapsed(), models: [], message: error.message };
    const name = (error as Error)?.name;
    const message = name === "TimeoutError" || name === "AbortError" ? `The provider did not answer within ${testTimeoutMs / 1000} s.` : `The provider could not be reached (${describeNetworkError(error)}).`;
    return { ok: false, status: null, latencyMs: elapsed(), models: [], message };
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  return typeof cause?.code === "string" ? cause.code : ((error as Error)?.name ?? "unknown error");
}
