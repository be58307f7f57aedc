import { z } from "zod";

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
  baseUrl: z.url({ protocol: /^https?$/, error: "an http(s) URL, e.g. https://api.openai.com/v1" }),
  models: z.array(modelEntry).min(1, "list at least one model id"),
  // Unknown data terms are assumed to be the loosest: the user must say otherwise.
  dataPolicy: dataPolicySchema.default({ retentionDays: null, trainsOnData: true, zeroDataRetention: false, region: null }),
});

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
      /** When true, nothing goes to a cloud provider. */
      localOnly: z.boolean().default(false),
    })
    .prefault({}),
  routing: z.strictObject({}).prefault({}),
  logging: z
    .strictObject({
      level: z.enum(["debug", "info", "warn", "error"]).default("info"),
    })
    .prefault({}),
  local: z
    .strictObject({
      /** A GGUF file path (relative paths resolve against the data directory). */
      model: z.string().min(1).optional(),
      contextSize: z.number().int().positive().default(4096),
      sequences: z.number().int().min(1).max(16).default(2),
    })
    .prefault({}),
});

export type GatewayConfig = z.infer<typeof configSchema>;
export type ProviderConfig = z.infer<typeof providerConfigSchema>;
export type DataPolicy = z.infer<typeof dataPolicySchema>;
