import { writeLine, type CliIo } from "./cli-io.js";
import { commandContext, UsageError, type CommandContext } from "./command-context.js";
import { auditUsage, runAuditCommand } from "./commands/audit.js";
import { doctorUsage, runDoctorCommand } from "./commands/doctor.js";
import { explainUsage, runExplainCommand } from "./commands/explain.js";
import { runKeysCommand } from "./commands/keys.js";
import { localOnlyUsage, runLocalOnlyCommand } from "./commands/local-only.js";
import { loginUsage, runLoginCommand } from "./commands/login.js";
import { modelsUsage, runModelsCommand } from "./commands/models.js";
import { runScanCommand, scanUsage } from "./commands/scan.js";
import { runServeCommand, serveUsage } from "./commands/serve.js";
import { runTokensCommand, tokensUsage } from "./commands/tokens.js";
import { ConfigError } from "../config/load-config.js";
import { DataDirLockedError } from "../config/data-dir-lock.js";

const help = `privacy-router: a local privacy router for LLM traffic

usage: privacy-router <command> [options]

commands:
  serve [--host ADDRESS] [--port PORT]     run the OpenAI-compatible endpoint (default http://127.0.0.1:8484/v1)
  login [--json]                           a fresh one-time sign-in link for the running gateway's UI
  tokens create <name> [--admin] [--json]  make a client token; also: tokens list, tokens revoke <name>
  scan [--json | --jsonl] [FILE|-]         what would be treated as sensitive in a text
  explain [--model M] [--json|--jsonl] [FILE|-]  dry run: findings, decision, reasons, and exactly what would be sent
  doctor                                   check config, local model, key sources, audit trail
  local-only on|off|status                 pause or resume all cloud traffic at once
  models list [--json] | pull <id> | remove <id>  local models: the catalogue, download (resumable, verified), delete
  keys set <provider>                      store a provider API key in the OS keychain (read from stdin)
  keys list | keys delete <provider>       where keys come from; remove one
  audit verify [FILE] | export | status    check the tamper-evident audit trail (or an export), export it

options for every command:
  --data-dir DIR    the data directory (default: PRIVACY_ROUTER_HOME, else the OS app-data folder)
  --config FILE     read this config file instead of <data dir>/config.yaml
  --help            this text
`;

type Command = (argv: string[], context: CommandContext) => Promise<number>;

const commands: Record<string, { run: Command; usage: string }> = {
  serve: { run: runServeCommand, usage: serveUsage },
  login: { run: runLoginCommand, usage: loginUsage },
  tokens: { run: runTokensCommand, usage: tokensUsage },
  scan: { run: runScanCommand, usage: scanUsage },
  audit: { run: runAuditCommand, usage: auditUsage },
  explain: { run: runExplainCommand, usage: explainUsage },
  doctor: { run: runDoctorCommand, usage: doctorUsage },
  "local-only": { run: runLocalOnlyCommand, usage: localOnlyUsage },
  models: { run: (argv, context) => runModelsCommand(argv, context), usage: modelsUsage },
  keys: {
    run: (argv, context) => {
      const { providers } = context.loadConfig().config;
      return runKeysCommand(argv, context.io, { providerIds: providers.map((provider) => provider.id), providerBaseUrls: new Map(providers.map((provider) => [provider.id, provider.baseUrl])) });
    },
    usage: "usage: privacy-router keys set|list|delete <provider>",
  },
};

/** Splits the flags every command accepts from the command's own arguments. */
function splitGlobalFlags(argv: string[]): { dataDir?: string; config?: string; help: boolean; rest: string[] } {
  const rest: string[] = [];
  const result: { dataDir?: string; config?: string; help: boolean; rest: string[] } = { help: false, rest };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    const [flag, inline] = argument.startsWith("--") ? (argument.split(/=(.*)/s, 2) as [string, string | undefined]) : [argument, undefined];
    if (flag === "--data-dir" || flag === "--config") {
      const value = inline ?? argv[++index];
      if (value === undefined || value === "") throw new UsageError(`${flag} needs a value`);
      if (flag === "--data-dir") result.dataDir = value;
      else result.config = value;
    } else if (flag === "--help" || flag === "-h") {
      result.help = true;
    } else {
      rest.push(argument);
    }
  }
  return result;
}

export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }): Promise<number> {
  let usage = help;
  try {
    const flags = splitGlobalFlags(argv);
    const [name, ...rest] = flags.rest;
    if (name === "--version" || name === "version") {
      writeLine(io.stdout, "0.1.0");
      return 0;
    }
    if (name === undefined || name === "help") {
      io.stdout.write(help);
      return name === undefined && !flags.help ? 1 : 0;
    }
    const command = commands[name];
    if (!command) throw new UsageError(`unknown command \`${name}\``);
    usage = command.usage;
    if (flags.help) {
      writeLine(io.stdout, command.usage);
      return 0;
    }
    return await command.run(rest, commandContext(io, { dataDir: flags.dataDir, config: flags.config }));
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `privacy-router: ${error.message}`);
      writeLine(io.stderr, usage.trimEnd());
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      writeLine(io.stderr, `privacy-router: ${error.message}`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      writeLine(io.stderr, "privacy-router: the port is already in use; choose another with --port");
      return 1;
    }
    if (error instanceof TypeError && code?.startsWith("ERR_PARSE_ARGS")) {
      writeLine(io.stderr, `privacy-router: ${error.message}`);
      return 2;
    }
    writeLine(io.stderr, `privacy-router: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}
