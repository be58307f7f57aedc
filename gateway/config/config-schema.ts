import { z } from "zod";
import { findingTypes } from "../../shared/findings.js";
import { actions, defaultClassActions, sensitivityClasses } from "../../shared/policy.js";
import { loggingLevels } from "../../shared/receipt.js";

/** `config.yaml`, camelCase keys. Unknown keys are errors: a typo must not silently weaken a rule. */
const providerId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "a lower-case id of letters, digits, '.', '_' or '-' (not `local`, `auto`)")
  .refine((id) => id !== "local" && id !== "auto" && id !== "none", "`local`, `auto` and `none` are reserved");

const modelEntry = z.union([
  z.string().min(1),
  z.strictObject({
    id: z.string().min(1),
    inputPerMillion: z.number().nonnegative().optional(),
    outputPerMillion: z.number().nonnegative().optional(),
  }),
]);

export const dataPolicySchema = z.strictObject({
  retentionDays: z.number().int().nonnegative().nullable().default(null),
  trainsOnData: z.boolean().default(true),
  zeroDataRetention: z.boolean().default(false),
  region: z.string().min(1).nullable().default(null),
});

export const providerConfigSchema = z.strictObject({
  id: providerId,
  kind: z.enum(["openai", "anthropic", "openai-compatible"]),
  // The provider's API key travels in every request: plain http only to a server on this machine.
  baseUrl: z
    .url({ protocol: /^https?$/, error: "an http(s) URL, e.g. https://api.openai.com/v1" })
    .refine(
      // Only plain http is judged here; anything else that is not https was refused just above.
      (value) => !URL.canParse(value) || new URL(value).protocol !== "http:" || isLoopbackUrl(value),
      "must use https (the API key is sent with every request); plain http is allowed only on this machine (127.0.0.1, localhost or [::1])",
    ),
  models: z.array(modelEntry).min(1, "list at least one model id"),
  // Unknown data terms are assumed to be the loosest: the user must say otherwise.
  dataPolicy: dataPolicySchema.default({ retentionDays: null, trainsOnData: true, zeroDataRetention: false, region: null }),
});

/** Only loopback: the local tier sees sensitive text, so its server must be on this device. */
const localServerSchema = z.strictObject({
  baseUrl: z
    .url({ protocol: /^https?$/, error: "an http(s) URL, e.g. http://127.0.0.1:11434/v1" })
    .refine(isLoopbackUrl, "must be on this machine (127.0.0.1, localhost or [::1]): the local tier receives sensitive text"),
  /** The model name the server knows, e.g. `qwen2.5:0.5b` for Ollama. */
  model: z.string().min(1),
});

function isLoopbackUrl(value: string): boolean {
  const host = new URL(value).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export const configSchema = z.strictObject({
  server: z
    .strictObject({
      host: z.string().min(1).default("127.0.0.1"),
      port: z.number().int().min(0).max(65535).default(8484),
      maxBodyBytes: z.number().int().positive().default(8 * 1024 * 1024),
      upstreamTimeoutMs: z.number().int().positive().default(120_000),
    })
    .prefault({}),
  providers: z.array(providerConfigSchema).default([]),
  aliases: z.record(z.string().min(1), z.string().min(1)).default({}),
  policy: z
    .strictObject({
      /** When true, nothing goes to a cloud provider (the CLI and the UI can also switch it on at run time). */
      localOnly: z.boolean().default(false),
      /** Per sensitivity class, what may happen to a request that carries it. */
      classes: z
        .partialRecord(z.enum(sensitivityClasses), z.enum(actions))
        .default({})
        .transform((classes) => ({ ...defaultClassActions, ...classes }))
        .refine((classes) => classes.unscannable !== "pseudonymize", "`unscannable` content cannot be pseudonymized: choose forward, local-only or block")
        // A secret has no safe form to send: a placeholder still tells where a key was.
        .refine((classes) => classes.secret === "local-only" || classes.secret === "block", "`secret` must stay local-only or be blocked")
        // Health and legal are found from narrative words, which have no span to replace.
        .refine(
          (classes) => classes.health !== "pseudonymize" && classes.legal !== "pseudonymize",
          "`health` and `legal` are narrative: there is nothing to pseudonymize; choose forward, local-only or block",
        ),
      /** Move a finding type to another class, e.g. `URL: public`. */
      types: z.partialRecord(z.enum(findingTypes), z.enum(sensitivityClasses)).default({}),
      /** Data terms a destination must meet for a class, e.g. `personal: { zeroDataRetention: true, regions: [eu] }`. */
      require: z
        .partialRecord(
          z.enum(sensitivityClasses),
          z.strictObject({
            zeroDataRetention: z.boolean().optional(),
            noTraining: z.boolean().optional(),
            maxRetentionDays: z.number().int().nonnegative().optional(),
            regions: z.array(z.string().min(1)).min(1).optional(),
          }),
        )
        .default({}),
    })
    .prefault({}),
  routing: z
    .strictObject({
      /** The cloud model `auto` sends hard, cleared requests to; without it `auto` stays local. */
      strong: z.string().min(1).optional(),
      /** The model `auto` sends easy requests to. */
      weak: z.string().min(1).default("local"),
      /**
       * Difficulty at or above which `auto` uses the strong model: the cost/quality knob. The
       * default sends about a third of GSM8K-like prompts to the strong tier (docs/routing.md).
       */
      threshold: z.number().min(0).max(1).default(0.33),
      /** Per model (`<provider>/<model>`), where to go when it fails; only to equal-or-stricter data terms. */
      fallbacks: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
      /** Retries within one provider on 429, 5xx, timeouts and connection failures. */
      retries: z.strictObject({ attempts: z.number().int().min(0).max(5).default(2), backoffMs: z.number().int().min(0).max(60_000).default(250) }).prefault({}),
      budgets: z
        .strictObject({
          dailyUsd: z.number().nonnegative().optional(),
          monthlyUsd: z.number().nonnegative().optional(),
          providers: z.record(z.string(), z.strictObject({ dailyUsd: z.number().nonnegative().optional(), monthlyUsd: z.number().nonnegative().optional() })).default({}),
          /** Past a cap: answer locally, or refuse. Never spend silently. */
          whenExceeded: z.enum(["local", "block"]).default("local"),
        })
        .prefault({}),
    })
    .prefault({}),
  logging: z
    .strictObject({
      level: z.enum(["debug", "info", "warn", "error"]).default("info"),
      /**
       * What the audit trail keeps of a request's text, per route and sensitivity class. Every
       * request gets its record whatever the rules say; of all matching rules the most private
       * one applies, and `default` where none matches.
       */
      content: z
        .strictObject({
          default: z.enum(loggingLevels).default("metadata"),
          rules: z
            .array(
              z.strictObject({
                route: z.enum(["local", "cloud", "blocked"]).optional(),
                class: z.enum(sensitivityClasses).optional(),
                keep: z.enum(loggingLevels),
                /** Days the text is kept; `logging.retention.contentDays` otherwise. */
                days: z.number().int().positive().optional(),
              }),
            )
            .default([]),
        })
        .prefault({}),
      retention: z
        .strictObject({
          /** Kept text is deleted after this many days; the records (and the text's hash) stay. */
          contentDays: z.number().int().positive().default(30),
        })
        .prefault({}),
    })
    .prefault({}),
  /** The user's own terms: names, client and project code names, matter numbers; and false positives to let be. */
  detection: z
    .strictObject({
      terms: z
        .array(z.union([z.string().min(2), z.strictObject({ value: z.string().min(2), type: z.enum(findingTypes).default("CUSTOM") })]))
        .default([]),
      allow: z.array(z.string().min(1)).default([]),
    })
    .prefault({}),
  local: z
    .strictObject({
      /** A GGUF file path (relative paths resolve against the config file's folder) or a catalogue id (`privacy-router models list`). */
      model: z.string().min(1).optional(),
      contextSize: z.number().int().positive().default(4096),
      sequences: z.number().int().min(1).max(16).default(2),
      /** Free the model's memory after this many seconds without requests (the next one loads it again); 0 keeps it loaded. */
      idleUnloadSeconds: z.number().int().min(0).default(600),
      /** An OpenAI-compatible server already running on this machine (Ollama, LM Studio, llama-server) answers instead of a GGUF file. */
      server: localServerSchema.optional(),
    })
    .refine((local) => local.model === undefined || local.server === undefined, "set either `model` or `server`, not both")
    .prefault({}),
});

export type GatewayConfig = z.infer<typeof configSchema>;
export type ProviderConfig = z.infer<typeof providerConfigSchema>;
export type DataPolicy = z.infer<typeof dataPolicySchema>;
