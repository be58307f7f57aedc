/** How the desktop shell restarts a gateway that died, and when it stops trying. */
export interface RestartPolicy {
  /** The wait before the first restart; each further failure in the window doubles it. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** This many failures within `windowMs` and the shell gives up and shows the error. */
  maxFailures: number;
  windowMs: number;
  /** A gateway that has not said it is ready by then is stopped and counted as a failure. */
  readyTimeoutMs: number;
  /** How long a clean stop may take before the process is killed. */
  stopTimeoutMs: number;
}

export const defaultRestartPolicy: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  maxFailures: 5,
  windowMs: 60_000,
  // Start-up opens the database and verifies the audit trail's head; a slow disk takes a while.
  readyTimeoutMs: 120_000,
  stopTimeoutMs: 10_000,
};

export type RestartPlan = { action: "restart"; delayMs: number; failuresInWindow: number } | { action: "give-up"; failuresInWindow: number };

/**
 * What to do after a failure at `now`, given the times of every failure so far (this one
 * included). Failures older than the window are forgotten, so a gateway that served for a while
 * and then crashed restarts quickly. The delay grows exponentially with "equal jitter" (half
 * fixed, half random), so a crash that recurs does not restart in lock-step with anything else.
 */
export function planRestart(failureTimes: readonly number[], now: number, policy: RestartPolicy, random: () => number): RestartPlan {
  const failuresInWindow = failureTimes.filter((time) => now - time < policy.windowMs).length;
  if (failuresInWindow >= policy.maxFailures) return { action: "give-up", failuresInWindow };
  const exponent = Math.max(0, failuresInWindow - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
  const delayMs = Math.round(ceiling / 2 + (ceiling / 2) * Math.min(1, Math.max(0, random())));
  return { action: "restart", delayMs, failuresInWindow };
}
