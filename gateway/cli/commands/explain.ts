import { parseArgs } from "node:util";
import { z } from "zod";
import { GatewayError } from "../../../shared/errors.js";
import { configuredDetectors } from "../../detection/configured-detectors.js";
import { asChatRequest, describePlan, dryRunDependencies } from "../../pipeline/dry-run.js";
import { planChat, type ChatPlan } from "../../pipeline/plan-chat.js";
import { estimateDifficulty } from "../../policy/difficulty/estimate-difficulty.js";
import { LocalOnlySwitch } from "../../policy/local-only-switch.js";
import { policyVersion } from "../../policy/policy-version.js";
import { SpendLedger } from "../../policy/spend-ledger.js";
import { loadPseudonymSecret } from "../../pseudonym/conversation-key.js";
import { writeLine } from "../cli-io.js";
import { UsageError, type CommandContext } from "../command-context.js";
import { mapJsonlLines } from "../map-jsonl-lines.js";
import { readInput } from "../read-input.js";

export const explainUsage = "usage: privacy-router explain [--model NAME] [--client TOKEN-NAME] [--json | --jsonl] [FILE|-]   (a chat request as JSON, or plain text)";

/**
 * `privacy-router explain`: what the gateway would do with a request, without doing it —
 * findings, the decision and its reasons, and exactly the body that would be sent.
 */
export async function runExplainCommand(argv: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      jsonl: { type: "boolean", default: false },
      model: { type: "string" },
      // Placeholders are keyed per client and conversation: name the client to see its exact bytes.
      client: { type: "string", default: "default" },
    },
  });
  if (values.json && values.jsonl) throw new UsageError("--json and --jsonl exclude each other");
  if (positionals.length > 1) throw new UsageError("explain reads one FILE (or - for standard input)");
  const { config } = context.loadConfig();
  const dependencies = dryRunDependencies(config, {
    policyVersion: policyVersion(config),
    detectors: configuredDetectors(config.detection),
    estimateDifficulty,
    localOnly: () => new LocalOnlySwitch(context.dataDir).isOn(),
    budgets: new SpendLedger(config),
    pseudonymSecret: loadPseudonymSecret(context.dataDir),
  });
  const text = await readInput(positionals[0], context.io.stdin);
  const { stdout, stderr } = context.io;

  if (values.jsonl) {
    return mapJsonlLines(text, context.io, (parsed) => {
      const { decision } = planChat(asChatRequest(parsed.text, values.model ?? "auto"), dependencies, values.client);
      return { id: parsed.id, route: decision.route, action: decision.action, difficulty: decision.difficulty, reasons: decision.reasons };
    });
  }

  let plan: ChatPlan;
  try {
    plan = planChat(asChatRequest(text, values.model), dependencies, values.client);
  } catch (error) {
    if (error instanceof GatewayError || error instanceof z.ZodError) {
      writeLine(stderr, `privacy-router: ${error instanceof z.ZodError ? "the request is not a valid chat request" : error.message}`);
      return 1;
    }
    throw error;
  }
  const { decision } = plan;
  const { findings, outbound } = describePlan(plan, config);

  if (values.json) {
    writeLine(stdout, JSON.stringify({ findings, decision: { ...decision, pseudonymizeTypes: [...decision.pseudonymizeTypes], forwardTypes: [...decision.forwardTypes] }, redactions: plan.redactions, outbound }));
    return 0;
  }
  writeLine(stdout, `findings: ${findings.length === 0 ? "none" : ""}`);
  for (const finding of findings) writeLine(stdout, `  ${finding.path} ${finding.start}-${finding.end} ${finding.type} (${finding.detector}, ${finding.score})`);
  writeLine(stdout, `classes: ${decision.classes.join(", ") || "public"}`);
  writeLine(stdout, `difficulty: ${decision.difficulty.toFixed(3)}${decision.tier ? ` (${decision.tier} tier)` : ""}`);
  const where = decision.route === "cloud" ? `cloud: ${decision.providerId}/${decision.model}` : decision.route;
  writeLine(stdout, `decision: ${where}, action ${decision.action}, policy ${decision.policyVersion}`);
  writeLine(stdout, "reasons:");
  for (const reason of decision.reasons) writeLine(stdout, `  - ${reason.message} [${reason.code}]`);
  if (outbound) {
    writeLine(stdout, `would send ${plan.redactions} placeholder(s) to ${outbound.url}:`);
    writeLine(stdout, JSON.stringify(outbound.body, null, 2));
  } else {
    writeLine(stdout, decision.route === "local" ? "nothing would leave this machine: the local model answers" : "nothing would be sent: the request is refused");
  }
  return 0;
}
