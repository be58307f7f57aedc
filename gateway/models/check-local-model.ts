import { pullDefaultModelCommand } from "../../shared/local-models.js";
import type { GatewayConfig } from "../config/config-schema.js";
import { inspectGgufFile } from "./inspect-gguf-file.js";
import { isCatalogueReference } from "./local-model-control.js";
import { ModelLibrary } from "./model-library.js";

export interface LocalModelCheck {
  state: "ok" | "warn" | "FAIL";
  text: string;
}

/**
 * What `doctor` says about the local tier, checked without loading anything: the file is
 * inspected, a catalogue id must be downloaded, a local server must be on loopback (the config
 * schema already insists) and is only named, not contacted.
 */
export async function checkLocalModel(config: GatewayConfig, dataDir: string, signal: AbortSignal): Promise<LocalModelCheck> {
  const { local } = config;
  if (local.server) {
    return { state: "ok", text: `local model: ${local.server.model} served by ${local.server.baseUrl} (a local server, on this device)` };
  }
  if (!local.model) {
    return { state: "warn", text: `local model: none yet; sensitive requests to cloud models are refused (run \`${pullDefaultModelCommand}\`, then set local.model)` };
  }
  let path = local.model;
  let label = local.model;
  if (isCatalogueReference(local.model)) {
    const library = new ModelLibrary({ dataDir });
    const installed = library.installedModels().find((model) => model.id === local.model);
    if (installed === undefined) {
      return library.find(local.model)
        ? { state: "FAIL", text: `local model: ${local.model} is not downloaded yet (run \`privacy-router models pull ${local.model}\`)` }
        : { state: "FAIL", text: `local model: \`${local.model}\` is neither a GGUF file nor a catalogue id (\`privacy-router models list\`)` };
    }
    path = library.installedPath(local.model) ?? path;
    label = `${local.model}, sha256 ${installed.sha256.slice(0, 16)}… (${installed.sha256Source === "publisher" ? "matches the catalogue" : "recorded at download"})`;
  }
  try {
    const summary = await inspectGgufFile(path, signal);
    return { state: "ok", text: `local model: ${summary.name ?? label} [${label}] (${summary.architecture}, ${(summary.byteLength / 1e6).toFixed(1)} MB)` };
  } catch (error) {
    return { state: "FAIL", text: `local model: ${(error as Error).message}` };
  }
}
