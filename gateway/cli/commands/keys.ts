import { describeBinding } from "../../secrets/key-binding.js";
import { originOf } from "../../secrets/key-origin.js";
import { createKeyStore, type KeyDescription, type KeyStore } from "../../secrets/key-store.js";
import { isKeyStoreError } from "../../secrets/key-store-error.js";
import { maximumKeyLength } from "../../secrets/key-value.js";
import { normalizeProviderId } from "../../secrets/provider-id.js";
import { writeLine, type CliIo } from "../cli-io.js";
import { readSecretInput } from "./read-secret-input.js";

export interface KeysCommandContext {
  /** The providers in the configuration; `keys list` always shows these. */
  providerIds: string[];
  /**
   * Provider id → base URL from the configuration: `keys set` binds the key to that address,
   * and `keys list` says when a stored key was set for another one.
   */
  providerBaseUrls?: ReadonlyMap<string, string>;
  /** Made from `io.env` when absent; tests hand in one with a fake keychain. */
  keyStore?: KeyStore;
}

const usage = [
  "usage: privacy-router keys set <provider>     store a key read from standard input",
  "       privacy-router keys list [provider...]  where each provider's key comes from",
  "       privacy-router keys delete <provider>  remove a key from the OS keychain",
].join("\n");

const exitSuccess = 0;
const exitFailure = 1;
const exitUsage = 2;
const exitCancelled = 130;

/**
 * `privacy-router keys set|list|delete`. `argv` is what follows `keys`. Keys are read from
 * standard input only and are never written to stdout or stderr. Messages never repeat
 * arguments they reject, because a key pasted in the wrong place would be printed back.
 */
export async function runKeysCommand(argv: string[], io: CliIo, context: KeysCommandContext): Promise<number> {
  const [subcommand, ...operands] = argv;
  const keyStore = context.keyStore ?? createKeyStore({ env: io.env });
  try {
    switch (subcommand) {
      case "set":
        return await setKey(operands, io, keyStore, context);
      case "list":
        return await listKeys(operands, io, keyStore, context);
      case "delete":
        return await deleteKey(operands, io, keyStore);
      case "help":
      case "--help":
      case "-h":
        writeLine(io.stdout, usage);
        return exitSuccess;
      case undefined:
        return fail(io, exitUsage, "a subcommand is missing: use `keys set|list|delete <provider>`.");
      default:
        return fail(io, exitUsage, "unknown subcommand: use `keys set|list|delete <provider>`.");
    }
  } catch (error) {
    if (isKeyStoreError(error)) return fail(io, error.code === "keychain_unavailable" ? exitFailure : exitUsage, error.message);
    // Only the error's class: its message is not ours to vouch for, and could hold input.
    const kind = error instanceof Error ? error.name : typeof error;
    return fail(io, exitFailure, `the keys command failed unexpectedly (${kind}).`);
  }
}

async function setKey(operands: string[], io: CliIo, keyStore: KeyStore, context: KeysCommandContext): Promise<number> {
  if (operands.length !== 1 || operands[0]?.startsWith("-") === true) {
    return fail(io, exitUsage, "`keys set` takes exactly one provider id; the key is read from standard input, never from the command line.");
  }
  // Before any prompt: a wrong id should not cost the user typing the key.
  const providerId = normalizeProviderId(operands[0] ?? "");
  const input = await readSecretInput(io.stdin, io.stderr, {
    prompt: `API key for ${providerId} (input hidden): `,
    maximumLength: maximumKeyLength,
  }).catch(() => undefined);
  if (input === undefined) return fail(io, exitFailure, "standard input could not be read; nothing was stored.");
  if (input.kind === "cancelled") return fail(io, exitCancelled, "cancelled; nothing was stored.");
  if (input.kind === "too-long") return fail(io, exitUsage, `the key is longer than ${maximumKeyLength} characters; nothing was stored.`);
  if (input.value === "") {
    return fail(
      io,
      exitUsage,
      `no key on standard input; nothing was stored (pipe it in: printf '%s' "$KEY" | privacy-router keys set ${providerId}).`,
    );
  }
  const origin = configuredOrigins(context).get(providerId);
  await keyStore.set(providerId, input.value, origin === undefined ? {} : { origin });
  writeLine(io.stdout, `Stored the key for ${providerId} in the OS keychain${origin === undefined ? "" : ` for ${origin}`}.`);

  const description = await keyStore.describe(providerId);
  if (description.source === "environment") {
    writeLine(io.stderr, `note: ${description.environmentVariable} is set in this environment and overrides the keychain.`);
  }
  if (!configuredIds(context).includes(providerId)) {
    writeLine(io.stderr, `note: no provider "${providerId}" is configured yet; the key is bound to its address when the gateway first starts with it.`);
  }
  return exitSuccess;
}

async function listKeys(operands: string[], io: CliIo, keyStore: KeyStore, context: KeysCommandContext): Promise<number> {
  if (operands.some((operand) => operand.startsWith("-"))) {
    return fail(io, exitUsage, "`keys list` takes provider ids only.");
  }
  const requested = operands.map((operand) => normalizeProviderId(operand));
  const providerIds = [...new Set([...configuredIds(context), ...requested])];
  if (providerIds.length === 0) {
    writeLine(io.stderr, "No providers are configured; add one under `providers` in config.yaml.");
    return exitSuccess;
  }
  let keychainProblem: string | undefined;
  for (const providerId of providerIds) {
    const description = await keyStore.describe(providerId);
    keychainProblem ??= description.keychainProblem;
    writeLine(io.stdout, `${description.providerId}  ${keyLabel(description, configuredOrigins(context))}`);
  }
  if (keychainProblem !== undefined) {
    writeLine(io.stderr, `note: the OS keychain could not be read (${keychainProblem}); only environment variables were checked.`);
  }
  return exitSuccess;
}

async function deleteKey(operands: string[], io: CliIo, keyStore: KeyStore): Promise<number> {
  if (operands.length !== 1 || operands[0]?.startsWith("-") === true) {
    return fail(io, exitUsage, "`keys delete` takes exactly one provider id.");
  }
  const providerId = normalizeProviderId(operands[0] ?? "");
  const deleted = await keyStore.delete(providerId);
  const description = await keyStore.describe(providerId);
  const stillSetNote = `note: ${description.environmentVariable} is still set in this environment and provides the key.`;
  if (!deleted) {
    if (description.source === "environment") writeLine(io.stderr, stillSetNote);
    return fail(io, exitFailure, `no key for ${providerId} is stored in the OS keychain.`);
  }
  writeLine(io.stdout, `Deleted the key for ${providerId} from the OS keychain.`);
  if (description.source === "environment") writeLine(io.stderr, stillSetNote);
  return exitSuccess;
}

function configuredIds(context: KeysCommandContext): string[] {
  return context.providerIds.map((providerId) => providerId.toLowerCase());
}

/** Provider id → origin of its configured base URL: the address the gateway binds keys to at start. */
function configuredOrigins(context: KeysCommandContext): Map<string, string> {
  const origins = new Map<string, string>();
  for (const [providerId, baseUrl] of context.providerBaseUrls ?? []) {
    const origin = originOf(baseUrl);
    if (origin !== undefined) origins.set(providerId.toLowerCase(), origin);
  }
  return origins;
}

function keyLabel(description: KeyDescription, origins: ReadonlyMap<string, string>): string {
  if (description.source === "none") return "not set";
  const currentOrigin = origins.get(description.providerId);
  // Only a keychain key set for an address can disagree with the config; the others are bound at the gateway's start.
  if (currentOrigin === undefined || description.boundOrigin === undefined) return description.source;
  const binding = describeBinding(description, currentOrigin, origins);
  return binding.matches
    ? description.source
    : `${description.source}, configured for another address (${description.boundOrigin}; the provider is at ${currentOrigin}: run keys set ${description.providerId} again)`;
}

function fail(io: CliIo, exitCode: number, reason: string): number {
  writeLine(io.stderr, `privacy-router keys: ${reason}`);
  return exitCode;
}
