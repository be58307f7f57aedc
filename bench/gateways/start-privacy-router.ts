import { fileURLToPath } from "node:url";
import { upstreamKey, type Target } from "../client/target.js";
import { startNodeChild, waitForReadyMessage } from "../processes/node-child.js";
import type { RunningGateway } from "./running-gateway.js";

interface ReadyMessage {
  kind: "ready";
  url: string;
  token: string;
  policyVersion: string;
}

/** Starts Privacy Router in its own process and returns how to reach it. */
export async function startPrivacyRouter(options: { upstreamUrl: string; cpus: string | undefined; execArgv: string[] }): Promise<RunningGateway> {
  const child = startNodeChild({
    name: "privacy-router",
    script: fileURLToPath(new URL("./privacy-router-process.js", import.meta.url)),
    args: [options.upstreamUrl],
    execArgv: options.execArgv,
    env: { ...process.env, PRIVACY_ROUTER_KEY_BENCH: upstreamKey },
    cpus: options.cpus,
    ipc: true,
  });
  const ready = await waitForReadyMessage<ReadyMessage>(child, "Privacy Router").catch(async (error: unknown) => {
    await child.stop();
    throw error;
  });
  const target: Target = {
    name: "privacy-router",
    origin: ready.url,
    headers: { authorization: `Bearer ${ready.token}` },
    model: (model) => `bench/${model}`,
  };
  return { target, version: ready.policyVersion, pid: child.process.pid, stop: () => child.stop() };
}
