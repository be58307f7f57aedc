import type { Target } from "../client/target.js";

/** A gateway under test, running in its own process. */
export interface RunningGateway {
  target: Target;
  /** What ran, for the results file: a package version or a policy version. */
  version: string;
  /** The gateway's process id, to read the CPU time it uses. */
  pid: number | undefined;
  stop(): Promise<void>;
}
