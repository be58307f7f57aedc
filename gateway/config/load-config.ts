import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { formatIssuePath } from "../../shared/issue-path.js";
import { configSchema, type GatewayConfig } from "./config-schema.js";

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export interface LoadedConfig {
  config: GatewayConfig;
  /** The file read, or undefined when none exists and defaults apply. */
  path: string | undefined;
}

/** Reads `--config FILE`, else `<dataDir>/config.yaml`; a missing default file means defaults. */
export function loadConfig(dataDir: string, configFlag?: string): LoadedConfig {
  const path = configFlag ? resolve(configFlag) : join(dataDir, "config.yaml");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (!configFlag && (error as NodeJS.ErrnoException).code === "ENOENT") {
      return { config: parseConfigText("", path), path: undefined };
    }
    throw new ConfigError(`cannot read ${path}: ${(error as Error).message}`);
  }
  return { config: parseConfigText(text, path), path };
}

export function parseConfigText(text: string, path: string): GatewayConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : "";
    throw new ConfigError(`${path}${where}: not valid YAML`);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const field = formatIssuePath(issue.path) || "(top level)";
      const detail = issue.code === "unrecognized_keys" ? `unknown key(s) ${issue.keys.map((key) => `\`${key}\``).join(", ")}` : issue.message;
      return `${path}: ${field}: ${detail}`;
    });
    throw new ConfigError(lines.join("\n"));
  }
  const config = result.data;
  assertUniqueProviders(config, path);
  // A relative model path means "beside this config file", wherever the gateway was started.
  if (config.local.model && !isAbsolute(config.local.model) && config.local.model.endsWith(".gguf")) {
    config.local.model = resolve(dirname(path), config.local.model);
  }
  return config;
}

function assertUniqueProviders(config: GatewayConfig, path: string): void {
  const seen = new Set<string>();
  config.providers.forEach((provider, index) => {
    if (seen.has(provider.id)) throw new ConfigError(`${path}: providers[${index}].id: \`${provider.id}\` is used twice`);
    seen.add(provider.id);
  });
}
