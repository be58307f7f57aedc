import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { loadConfig } from "../../gateway/config/load-config.js";
import { createLogger } from "../../gateway/logging/logger.js";
import { startGateway } from "../../gateway/server/start-gateway.js";
import { immediateModel, pacedModel } from "../upstream/benchmark-upstream.js";

/**
 * Privacy Router in a process of its own, set up the way a user would: a config file with one
 * OpenAI-compatible provider, its key in `PRIVACY_ROUTER_KEY_BENCH`, a real SQLite database
 * and audit log, logs at the configured level (to a file rather than a terminal), and a client
 * token. No local model is configured, so cleared prose goes to the provider.
 */
const [upstreamUrl] = process.argv.slice(2);
if (upstreamUrl === undefined) throw new Error("usage: privacy-router-process UPSTREAM_URL");

const dataDir = mkdtempSync(join(tmpdir(), "privacy-router-bench-"));
writeFileSync(
  join(dataDir, "config.yaml"),
  stringify({
    providers: [
      {
        id: "bench",
        kind: "openai-compatible",
        baseUrl: `${upstreamUrl}/v1`,
        models: [immediateModel, pacedModel],
        dataPolicy: { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" },
      },
    ],
  }),
);
const { config } = loadConfig(dataDir);
const logFile = createWriteStream(join(dataDir, "gateway.log"));
const gateway = await startGateway({
  dataDir,
  config,
  logger: createLogger(logFile, config.logging.level),
  port: 0,
  env: process.env,
  createLocalTier: () => undefined,
});
const token = gateway.tokens.create("bench");
process.send?.({ kind: "ready", url: gateway.url, token, policyVersion: gateway.policyVersion });

process.once("disconnect", () => {
  void gateway.close().then(() => {
    logFile.end();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
