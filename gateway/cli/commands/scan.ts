import { parseArgs } from "node:util";
import type { Finding } from "../../../shared/findings.js";
import { configuredDetectors } from "../../detection/configured-detectors.js";
import { detect } from "../../detection/detect.js";
import { writeLine } from "../cli-io.js";
import { UsageError, type CommandContext } from "../command-context.js";
import { mapJsonlLines } from "../map-jsonl-lines.js";
import { readInput } from "../read-input.js";

export const scanUsage = "usage: privacy-router scan [--json | --jsonl] [FILE|-]";

function findingJson(finding: Finding): Finding {
  return { start: finding.start, end: finding.end, type: finding.type, score: finding.score, detector: finding.detector };
}

/**
 * `privacy-router scan`: what the detectors find in a text. Offsets are UTF-16 indices, end
 * exclusive. The plain form masks the values, so the output is safe to paste into a ticket.
 */
export async function runScanCommand(argv: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, jsonl: { type: "boolean", default: false } },
  });
  if (values.json && values.jsonl) throw new UsageError("--json and --jsonl exclude each other");
  if (positionals.length > 1) throw new UsageError("scan reads one FILE (or - for standard input)");
  const text = await readInput(positionals[0], context.io.stdin);
  // The same detectors the gateway runs with this config: the user's terms and allow-list included.
  const detectors = configuredDetectors(context.loadConfig().config.detection);
  const { stdout } = context.io;

  if (values.jsonl) return mapJsonlLines(text, context.io, (parsed) => ({ id: parsed.id, findings: detect(parsed.text, detectors).map(findingJson) }));

  const findings = detect(text, detectors);
  if (values.json) {
    writeLine(stdout, JSON.stringify({ findings: findings.map(findingJson) }));
    return 0;
  }
  if (findings.length === 0) writeLine(stdout, "no findings");
  for (const finding of findings) {
    const value = text.slice(finding.start, finding.end);
    const masked = `${value.slice(0, 2)}${"•".repeat(Math.min(8, Math.max(0, value.length - 2)))}`;
    writeLine(stdout, `${finding.start}-${finding.end}\t${finding.type}\t${finding.detector}\t${finding.score}\t${masked}`);
  }
  return 0;
}
