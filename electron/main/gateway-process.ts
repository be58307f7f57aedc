import type { SupervisorMessage } from "../../shared/desktop-messages.js";
import type { GatewayChild } from "./gateway-supervisor.js";

/** The part of an Electron UtilityProcess the shell uses. */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  kill(): boolean;
  on(event: "message", listener: (message: unknown) => void): unknown;
  on(event: "exit", listener: (code: number) => void): unknown;
}

export type ForkUtilityProcess = (
  modulePath: string,
  commandArguments: string[],
  options: { env: Record<string, string>; serviceName: string; stdio: "inherit" },
) => UtilityProcessLike;

export interface GatewayLaunch {
  /** The CLI launcher (bin/privacy-router.js), which runs the built dist/gateway/cli/main.js. */
  cliPath: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
}

/** `serve` on the desktop's data directory; host and port come from its config.yaml. */
export function gatewayArguments(dataDir: string): string[] {
  return ["serve", "--data-dir", dataDir];
}

/** Starts the gateway as an Electron utilityProcess: a crash there never takes a window down. */
export function forkGateway(fork: ForkUtilityProcess, launch: GatewayLaunch): GatewayChild {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(launch.env)) if (value !== undefined) env[name] = value;
  const child = fork(launch.cliPath, gatewayArguments(launch.dataDir), { env, serviceName: "Privacy Router gateway", stdio: "inherit" });
  return {
    postMessage: (message: SupervisorMessage) => child.postMessage(message),
    kill: () => void child.kill(),
    onMessage: (listener) => void child.on("message", listener),
    onExit: (listener) => void child.on("exit", listener),
  };
}
