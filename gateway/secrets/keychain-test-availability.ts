export interface KeychainTestAvailability {
  /** Run the tests that need a real OS keychain. */
  run: boolean;
  /** Why they do not run; shown in the skipped test's name or in the failure. */
  reason: string;
  /** In CI a missing keychain is a broken setup, not a reason to skip quietly. */
  mustFail: boolean;
}

/**
 * Whether tests against the real OS keychain can run. `scripts/with-keychain.sh` sets
 * PRIVACY_ROUTER_KEYCHAIN_AVAILABLE to 1 once its private Secret Service answers, or to 0.
 */
export function keychainTestAvailability(env: NodeJS.ProcessEnv = process.env): KeychainTestAvailability {
  const flag = env.PRIVACY_ROUTER_KEYCHAIN_AVAILABLE;
  if (flag === "1") return { run: true, reason: "", mustFail: false };
  const reason =
    flag === "0"
      ? "scripts/with-keychain.sh could not start a Secret Service (apt-get install -y --no-install-recommends dbus gnome-keyring)"
      : "no OS keychain for tests: run them through `bash scripts/with-keychain.sh npx vitest run ...`";
  return { run: false, reason, mustFail: env.CI !== undefined && env.CI !== "" && env.CI !== "false" };
}
