import { resolveDataDir } from "../config/data-dir.js";
import { loadConfig, type LoadedConfig } from "../config/load-config.js";
import type { CliIo } from "./cli-io.js";

/** Flags every command accepts. */
export interface GlobalFlags {
  dataDir: string | undefined;
  config: string | undefined;
}

export interface CommandContext {
  io: CliIo;
  dataDir: string;
  /** Loads config.yaml on demand: commands that do not need it do not fail on a broken one. */
  loadConfig(): LoadedConfig;
}

export function commandContext(io: CliIo, flags: GlobalFlags): CommandContext {
  const dataDir = resolveDataDir(flags.dataDir, io.env);
  let loaded: LoadedConfig | undefined;
  return {
    io,
    dataDir,
    loadConfig() {
      loaded ??= loadConfig(dataDir, flags.config);
      return loaded;
    },
  };
}

/** Thrown for a wrong command line; main prints the message and the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
