import { upstreamKey, type Target } from "../client/target.js";
import { findFreePort } from "../processes/find-free-port.js";
import { startNodeChild, type NodeChild } from "../processes/node-child.js";
import { ensurePortkeyInstalled, portkeyVersion } from "./ensure-portkey-installed.js";
import type { RunningGateway } from "./running-gateway.js";

/**
 * Portkey's gateway in its own process, as its README starts it (`--port=N`, `--headless`
 * for no UI), kept on loopback by a preload. Requests name the provider `openai` and point it
 * at the benchmark upstream with `x-portkey-custom-host`; Portkey trusts 127.0.0.1 as a
 * custom host by default, and passes the client's `Authorization` on to it as the key.
 */
export async function startPortkey(options: { upstreamUrl: string; cpus: string | undefined; execArgv: string[] }): Promise<RunningGateway> {
  const entry = ensurePortkeyInstalled();
  const port = await findFreePort();
  const child = startNodeChild({
    name: "portkey",
    script: entry,
    args: [`--port=${port}`, "--headless"],
    execArgv: ["--import", new URL("./loopback-only-listen.js", import.meta.url).href, ...options.execArgv],
    cpus: options.cpus,
    ipc: false,
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(child, origin);
  } catch (error) {
    await child.stop();
    throw error;
  }
  const target: Target = {
    name: "portkey",
    origin,
    headers: {
      authorization: `Bearer ${upstreamKey}`,
      "x-portkey-provider": "openai",
      "x-portkey-custom-host": `${options.upstreamUrl}/v1`,
    },
    model: (model) => model,
  };
  return { target, version: `@portkey-ai/gateway ${portkeyVersion}`, pid: child.process.pid, stop: () => child.stop() };
}

/** Portkey prints a banner after a one-second animation; asking it directly is quicker and surer. */
async function waitUntilAnswering(child: NodeChild, origin: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`Portkey exited (${child.process.exitCode}) during start-up\n${child.stderrTail()}`);
    const answered = await fetch(`${origin}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Portkey did not answer on ${origin} within ${timeoutMs} ms\n${child.stderrTail()}`);
}
