import { parseArgs } from "node:util";
import { createLogger } from "../../logging/logger.js";
import { pullDefaultModelCommand } from "../../../shared/local-models.js";
import { createLocalTier } from "../../models/create-local-tier.js";
import { loopbackHosts, startGateway } from "../../server/start-gateway.js";
import { writeLine } from "../cli-io.js";
import { UsageError, type CommandContext } from "../command-context.js";
import { openSupervisorChannel, type SupervisorChannel } from "../supervisor-channel.js";
import { LocalOnlySwitch } from "../../policy/local-only-switch.js";

export const serveUsage = "usage: privacy-router serve [--host ADDRESS] [--port PORT]";

/**
 * `privacy-router serve`: runs the gateway until SIGINT/SIGTERM. Prints the endpoint and, on the
 * very first run, a client token; logs go to stderr as JSON lines.
 */
export async function runServeCommand(argv: string[], context: CommandContext): Promise<number> {
  // Under the desktop app (an Electron utilityProcess) the supervisor hears why a start failed.
  const supervisor = openSupervisorChannel();
  try {
    return await serveUntilStopped(argv, context, supervisor);
  } catch (error) {
    supervisor?.reportStartFailure(error);
    throw error;
  }
}

async function serveUntilStopped(argv: string[], context: CommandContext, supervisor: SupervisorChannel | undefined): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { host: { type: "string" }, port: { type: "string" } },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError("--port takes a number from 0 to 65535");

  const { io } = context;
  const { config, path } = context.loadConfig();
  const logger = createLogger(io.stderr, config.logging.level);
  const host = values.host ?? config.server.host;
  if (!loopbackHosts.has(host)) {
    writeLine(
      io.stderr,
      `WARNING: listening on ${host}, not on loopback. Other machines on that network can reach this endpoint; every request still needs a client token.`,
    );
  }
  const gateway = await startGateway({
    dataDir: context.dataDir,
    config,
    logger,
    host,
    ...(port === undefined ? {} : { port }),
    env: io.env,
    createLocalTier,
    ...(path === undefined ? {} : { configPath: path }),
  });

  const { stdout } = io;
  writeLine(stdout, `Privacy Router is serving an OpenAI-compatible endpoint at ${gateway.url}/v1`);
  writeLine(stdout, `  data directory: ${context.dataDir}`);
  writeLine(stdout, `  config: ${path ?? "none (built-in defaults)"}`);
  writeLine(stdout, `  policy version: ${gateway.policyVersion}`);
  writeLine(
    stdout,
    `  local model: ${config.local.server ? `${config.local.server.model} at ${config.local.server.baseUrl} (local server)` : (config.local.model ?? `none yet (run \`${pullDefaultModelCommand}\`, then set local.model)`)}`,
  );
  writeLine(stdout, `  cloud providers: ${config.providers.map((provider) => provider.id).join(", ") || "none configured"}`);
  if (gateway.tokens.isEmpty()) {
    const token = gateway.tokens.create("default");
    writeLine(stdout, "");
    writeLine(stdout, "A client token was created for you (it is shown only this once):");
    writeLine(stdout, `  ${token}`);
    writeLine(stdout, `Use it as the API key: OPENAI_BASE_URL=${gateway.url}/v1 OPENAI_API_KEY=<token>`);
    writeLine(stdout, "More tokens, one per tool: privacy-router tokens create <name>");
  }
  writeLine(stdout, "");
  writeLine(stdout, "Open the UI with this one-time sign-in link (it works once, for 5 minutes; `privacy-router login` prints a new one):");
  writeLine(stdout, `  ${gateway.loginUrl()}`);

  supervisor?.reportReady({
    url: gateway.url,
    createLoginUrl: () => gateway.loginUrl(),
    events: gateway.events,
    localOnly: new LocalOnlySwitch(context.dataDir),
    localOnlyForcedByConfig: config.policy.localOnly,
  });

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    supervisor?.onShutdown(stop);
  });
  logger.log("info", "shutting down");
  await gateway.close();
  supervisor?.close();
  return 0;
}
