import { existsSync } from "node:fs";
import { join } from "node:path";
import { readAuditStatus } from "../../audit/audit-status.js";
import { checkLocalModel } from "../../models/check-local-model.js";
import { LocalOnlySwitch } from "../../policy/local-only-switch.js";
import { originOf } from "../../secrets/key-origin.js";
import { createKeyStore, defaultKeychainService, keychainServiceVariable } from "../../secrets/key-store.js";
import { createOsKeychain } from "../../secrets/os-keychain.js";
import { writeLine } from "../cli-io.js";
import { UsageError, type CommandContext } from "../command-context.js";

export const doctorUsage = "usage: privacy-router doctor";

/**
 * `privacy-router doctor`: what this installation would do, checked without starting it:
 * config, local model, where each provider key comes from (never the key), the audit trail and
 * where its signing key lives, local-only mode. Exits non-zero when something needs fixing.
 */
export async function runDoctorCommand(argv: string[], context: CommandContext): Promise<number> {
  if (argv.length > 0) throw new UsageError("doctor takes no arguments");
  const { stdout } = context.io;
  let problems = 0;
  const line = (state: "ok" | "warn" | "FAIL", text: string): void => {
    if (state === "FAIL") problems++;
    writeLine(stdout, `${state.padEnd(4)}  ${text}`);
  };

  writeLine(stdout, `data directory: ${context.dataDir}`);
  let config;
  try {
    const loaded = context.loadConfig();
    config = loaded.config;
    line("ok", `config: ${loaded.path ?? "none (built-in defaults)"}`);
  } catch (error) {
    line("FAIL", `config: ${(error as Error).message}`);
    return 1;
  }

  const localModel = await checkLocalModel(config, context.dataDir, AbortSignal.timeout(15_000));
  line(localModel.state, localModel.text);

  const service = context.io.env[keychainServiceVariable] || defaultKeychainService;
  const keyStore = createKeyStore({ env: context.io.env, service });
  for (const provider of config.providers) {
    const description = await keyStore.describe(provider.id, AbortSignal.timeout(15_000));
    if (description.source === "none") {
      line("FAIL", `provider ${provider.id}: no API key (privacy-router keys set ${provider.id}, or ${description.environmentVariable})${description.keychainProblem ? `; keychain: ${description.keychainProblem}` : ""}`);
    } else if (description.boundOrigin !== undefined && description.boundOrigin !== originOf(provider.baseUrl)) {
      // The gateway will not send a key to an address it was not set for (key-binding.ts).
      line("FAIL", `provider ${provider.id}: the key in the keychain was set for ${description.boundOrigin}, not for ${originOf(provider.baseUrl) ?? provider.baseUrl}; set it again (privacy-router keys set ${provider.id})`);
    } else line("ok", `provider ${provider.id}: key from the ${description.source}${description.source === "environment" ? ` (${description.environmentVariable})` : ""}`);
  }
  if (config.providers.length === 0) line("ok", "cloud providers: none configured, so nothing leaves this machine");

  if (existsSync(join(context.dataDir, "privacy-router.sqlite"))) {
    try {
      const audit = await readAuditStatus({ dataDir: context.dataDir, keychain: createOsKeychain(), service });
      const where = audit.keyStorage === "keychain" ? "the OS keychain" : audit.keyStorage === "file" ? "a file readable by this user only" : "nowhere yet";
      line(audit.keyAvailable ? "ok" : "FAIL", `audit trail: ${audit.records} record(s); signing key in ${where}${audit.keyProblem ? `: ${audit.keyProblem}` : ""}`);
      if (audit.keyWarning) line("warn", audit.keyWarning);
    } catch (error) {
      line("FAIL", `audit trail: ${(error as Error).message}`);
    }
  } else line("ok", "audit trail: not started yet (the first `serve` creates it)");

  const localOnly = config.policy.localOnly || new LocalOnlySwitch(context.dataDir).isOn();
  line(localOnly ? "warn" : "ok", `local-only mode: ${localOnly ? "on: no request goes to a cloud provider" : "off"}`);
  writeLine(stdout, problems === 0 ? "no problems found" : `${problems} problem(s) found`);
  return problems === 0 ? 0 : 1;
}
