import { writeLine } from "../cli-io.js";
import { UsageError, type CommandContext } from "../command-context.js";
import { LocalOnlySwitch } from "../../policy/local-only-switch.js";

export const localOnlyUsage = "usage: privacy-router local-only on|off|status";

/** `privacy-router local-only on|off|status`: pause or resume all cloud traffic, at once. */
export async function runLocalOnlyCommand(argv: string[], context: CommandContext): Promise<number> {
  const [action, ...extra] = argv;
  if (extra.length > 0) throw new UsageError("too many arguments");
  const localOnly = new LocalOnlySwitch(context.dataDir);
  const { stdout } = context.io;
  switch (action) {
    case "on":
      localOnly.set(true);
      writeLine(stdout, "local-only is on: no request goes to a cloud provider until `privacy-router local-only off`");
      return 0;
    case "off": {
      localOnly.set(false);
      const forced = context.loadConfig().config.policy.localOnly;
      writeLine(stdout, forced ? "the switch is off, but config.yaml sets policy.localOnly: true, so cloud traffic stays paused" : "local-only is off: cloud providers may be used again, as the policy allows");
      return 0;
    }
    case "status": {
      const forced = context.loadConfig().config.policy.localOnly;
      const on = localOnly.isOn() || forced;
      writeLine(stdout, `${on ? "on" : "off"}${forced ? " (set by policy.localOnly in config.yaml)" : ""}`);
      return 0;
    }
    default:
      throw new UsageError(action ? `unknown local-only action \`${action}\`` : "local-only needs on, off or status");
  }
}
