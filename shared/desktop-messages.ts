import { z } from "zod";

/**
 * The messages between the desktop shell's main process (the supervisor) and the gateway it
 * runs as an Electron utilityProcess. The channel is the process's own message port: nothing
 * on the network and no web page can reach it, so it needs no credential. It carries only what
 * the shell needs (readiness, a one-time login URL, the local-only switch, blocked-request
 * notices, shutdown); everything else the shell wants, it gets the way a browser would.
 * Both sides validate every message: a message that does not parse is dropped.
 */

const loopbackUrl = z.url({ protocol: /^https?$/ }).max(2048);

const localOnlyState = z.strictObject({
  on: z.boolean(),
  /** `policy.localOnly` in config: the switch cannot turn cloud traffic back on past it. */
  forcedByConfig: z.boolean(),
});
export type LocalOnlyState = z.infer<typeof localOnlyState>;

/** From the supervisor (the shell's main process) to the gateway. */
export const supervisorMessageSchema = z.discriminatedUnion("type", [
  /** Asks for a fresh one-time UI login URL (answered with `login-url`). */
  z.strictObject({ type: z.literal("login-url") }),
  z.strictObject({ type: z.literal("set-local-only"), on: z.boolean() }),
  /** Stop serving and exit cleanly (close the database, release the data-directory lock). */
  z.strictObject({ type: z.literal("shutdown") }),
]);
export type SupervisorMessage = z.infer<typeof supervisorMessageSchema>;

/** From the gateway to the supervisor. */
export const gatewayMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("ready"),
    /** The endpoint's origin, e.g. `http://127.0.0.1:8484`. */
    url: loopbackUrl,
    /** A one-time URL that signs the UI in; absent when this gateway has no UI login. */
    loginUrl: loopbackUrl.optional(),
    localOnly: localOnlyState,
  }),
  /** The answer to `login-url`; `loginUrl` is absent when the gateway cannot make one. */
  z.strictObject({ type: z.literal("login-url"), loginUrl: loopbackUrl.optional() }),
  /** The switch changed (by the tray, the UI or the CLI). */
  z.strictObject({ type: z.literal("local-only"), ...localOnlyState.shape }),
  /**
   * The gateway could not start. `retryable: false` (a config error, a data directory held by
   * another gateway, a port in use) means restarting it will not help.
   */
  z.strictObject({ type: z.literal("start-failed"), message: z.string().max(2000), retryable: z.boolean() }),
  /** A request the policy refused; the reason in words, never the request's content. */
  z.strictObject({ type: z.literal("request-blocked"), requestId: z.string().max(200).optional(), reason: z.string().max(500).optional() }),
]);
export type GatewayMessage = z.infer<typeof gatewayMessageSchema>;

/** The message, or undefined when it is not one of ours (it is then ignored, never trusted). */
export function parseSupervisorMessage(value: unknown): SupervisorMessage | undefined {
  const result = supervisorMessageSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** The message, or undefined when it is not one of ours (it is then ignored, never trusted). */
export function parseGatewayMessage(value: unknown): GatewayMessage | undefined {
  const result = gatewayMessageSchema.safeParse(value);
  return result.success ? result.data : undefined;
}
