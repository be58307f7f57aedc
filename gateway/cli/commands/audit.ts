import { createWriteStream, existsSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Writable } from "node:stream";
import type { AuditKeyLocation } from "../../audit/audit-key-store.js";
import { loadTrailKey, readAnchors, readAuditStatus, readChain } from "../../audit/audit-status.js";
import { exportTrail } from "../../audit/export-trail.js";
import { databaseFileName, openDatabaseForReading } from "../../audit/open-database.js";
import { keyFingerprint } from "../../audit/signing-key.js";
import { verifyExportFile, type ExportVerification } from "../../audit/verify-export.js";
import { verifyTrail, type TrailProblem, type TrailVerification } from "../../audit/verify-trail.js";
import { defaultKeychainService, keychainServiceVariable } from "../../secrets/key-store.js";
import { createOsKeychain } from "../../secrets/os-keychain.js";
import { writeLine } from "../cli-io.js";
import { UsageError, type CommandContext } from "../command-context.js";

export const auditUsage = [
  "usage: privacy-router audit verify [--key FINGERPRINT] [--json]        check the trail in the data directory",
  "       privacy-router audit verify FILE [--key FINGERPRINT] [--json]   check a JSONL export offline",
  "       privacy-router audit export --format jsonl|csv [--since TIME] [--until TIME] [--output FILE]",
  "       privacy-router audit status [--json]                            chain, records, where the signing key is kept",
].join("\n");

/** `privacy-router audit verify|export|status`. Reads only: it can run beside a serving gateway. */
export async function runAuditCommand(argv: string[], context: CommandContext): Promise<number> {
  const [action, ...rest] = argv;
  const location: AuditKeyLocation = {
    dataDir: context.dataDir,
    keychain: createOsKeychain(),
    service: context.io.env[keychainServiceVariable] || defaultKeychainService,
  };
  switch (action) {
    case "verify":
      return verifyCommand(rest, context, location);
    case "export":
      return exportCommand(rest, context, location);
    case "status":
      return statusCommand(rest, context, location);
    default:
      throw new UsageError(action ? `unknown audit action \`${action}\`` : "audit needs an action: verify, export or status");
  }
}

async function verifyCommand(argv: string[], context: CommandContext, location: AuditKeyLocation): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { key: { type: "string" }, json: { type: "boolean", default: false } } });
  if (positionals.length > 1) throw new UsageError("audit verify checks one FILE at a time");
  const { stdout, stderr } = context.io;
  const file = positionals[0];

  if (file !== undefined) {
    if (!existsSync(file)) return fail(context, `no such file: ${file}`);
    const result = await verifyExportFile(file, values.key === undefined ? {} : { pinnedKey: values.key });
    if (values.json) writeLine(stdout, JSON.stringify(result));
    else printExportResult(result, stdout);
    if (!result.ok) return fail(context, `the export is not intact: ${firstProblem(result.problems)}`);
    if (!result.keyPinned) {
      writeLine(stderr, `note: this shows the export is whole and signed by ${result.keyFingerprint}; compare that with the fingerprint \`privacy-router audit status\` prints on the gateway's machine, or pass it with --key.`);
    }
    return 0;
  }

  const path = join(context.dataDir, databaseFileName);
  if (!existsSync(path)) return fail(context, `there is no audit trail in ${context.dataDir} (no database)`);
  const database = openDatabaseForReading(path);
  try {
    const chain = readChain(database);
    const loaded = chain ? await loadTrailKey(chain, location) : undefined;
    // Anchors first, then the snapshot: a gateway appending meanwhile is then never "behind" its own head.
    const anchors = await readAnchors(chain, location);
    const result = verifyTrail(database, { ...(loaded && "key" in loaded ? { publicKey: loaded.key.publicKey } : {}), ...anchors });
    if (values.key !== undefined && chain && values.key.trim() !== keyFingerprint(chain.publicKey)) {
      result.ok = false;
      result.problems.unshift({ seq: null, requestId: null, problem: `the trail is signed by ${keyFingerprint(chain.publicKey)}, not by the key given (${values.key.trim()})` });
    }
    if (values.json) writeLine(stdout, JSON.stringify(result));
    else printTrailResult(result, stdout);
    if (loaded && "problem" in loaded) {
      writeLine(stderr, `note: the signing key could not be read (${loaded.problem}); the records were checked against the public key stored with the trail, which shows they hang together, not that this gateway wrote them.`);
    }
    if (!result.ok) {
      const first = result.problems[0];
      const where = first?.seq != null ? `at record ${first.seq}${first.requestId ? ` (request ${first.requestId})` : ""}: ` : "";
      return fail(context, `the audit trail is broken ${where}${first?.problem ?? "see above"}`);
    }
    return 0;
  } finally {
    database.close();
  }
}

async function exportCommand(argv: string[], context: CommandContext, location: AuditKeyLocation): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string" }, since: { type: "string" }, until: { type: "string" }, output: { type: "string" } },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``);
  if (values.format !== "jsonl" && values.format !== "csv") throw new UsageError("audit export needs --format jsonl or --format csv");
  const since = values.since === undefined ? undefined : isoTime(values.since, "--since");
  const until = values.until === undefined ? undefined : isoTime(values.until, "--until");

  const path = join(context.dataDir, databaseFileName);
  if (!existsSync(path)) return fail(context, `there is no audit trail in ${context.dataDir} (no database)`);
  const database = openDatabaseForReading(path);
  try {
    const chain = readChain(database);
    if (chain === undefined) return fail(context, `there is no audit trail in ${context.dataDir} yet`);
    let key;
    if (values.format === "jsonl") {
      const loaded = await loadTrailKey(chain, location);
      if ("problem" in loaded) return fail(context, `a JSONL export is sealed with the audit signing key, which cannot be read: ${loaded.problem}`);
      key = loaded.key;
    }
    const output: Writable = values.output === undefined ? context.io.stdout : createWriteStream(values.output, { mode: 0o600 });
    const summary = await exportTrail(database, { format: values.format, since, until, output, key });
    if (values.output !== undefined) {
      output.end();
      await once(output, "finish");
    }
    const range = summary.firstSeq === null ? "" : ` (records ${summary.firstSeq} to ${summary.lastSeq})`;
    writeLine(context.io.stderr, `exported ${summary.records} record(s)${range}${values.output ? ` to ${values.output}` : ""}`);
    return 0;
  } finally {
    database.close();
  }
}

async function statusCommand(argv: string[], context: CommandContext, location: AuditKeyLocation): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``);
  const status = await readAuditStatus(location);
  const { stdout } = context.io;
  if (values.json) {
    writeLine(stdout, JSON.stringify(status));
    return 0;
  }
  if (status.chainId === null) {
    writeLine(stdout, "no audit trail yet: the first request served starts one");
    return 0;
  }
  writeLine(stdout, `chain:        ${status.chainId}`);
  writeLine(stdout, `records:      ${status.records}${status.firstRecordAt ? ` (${status.firstRecordAt} to ${status.lastRecordAt})` : ""}`);
  writeLine(stdout, `signing key:  ${status.keyFingerprint}, kept in ${status.keyStorage === "keychain" ? "the OS keychain" : "a file in the data directory"}${status.keyAvailable ? "" : ` (cannot be read: ${status.keyProblem})`}`);
  writeLine(stdout, `head anchor:  ${status.headFile.state === "present" ? `record ${status.headFile.seq}, signed ${status.headFile.signedAt}` : status.headFile.state}`);
  if (status.keyStorage === "keychain") writeLine(stdout, `keychain anchor: ${status.keychainHead ? `record ${status.keychainHead.seq} at ${status.keychainHead.at}` : "none yet"}`);
  writeLine(stdout, `kept text:    ${status.contentKept} request(s)`);
  if (status.keyWarning) writeLine(context.io.stderr, `warning: ${status.keyWarning}`);
  return 0;
}

function printTrailResult(result: TrailVerification, stdout: Writable): void {
  if (result.chainId === null && result.ok) {
    writeLine(stdout, "no audit trail yet: nothing to verify");
    return;
  }
  if (result.ok) {
    const anchors = result.anchors.length === 0 ? "no anchor yet" : `anchored by ${result.anchors.map((anchor) => (anchor === "file" ? "the signed head file" : "the OS keychain")).join(" and ")}`;
    writeLine(stdout, `audit trail intact: ${result.records} record(s), chain ${result.chainId}, signed by ${result.keyFingerprint}, ${anchors}`);
    return;
  }
  writeLine(stdout, `audit trail BROKEN: ${result.records} record(s) checked, chain ${result.chainId}`);
  printProblems(result.problems, result.moreProblems, stdout);
}

function printExportResult(result: ExportVerification, stdout: Writable): void {
  const range = result.firstSeq === null ? "no records" : `records ${result.firstSeq} to ${result.lastSeq} of a chain then ${result.headSeq ?? "?"} long`;
  if (result.ok) {
    writeLine(stdout, `export intact: ${result.records} record(s) (${range}), chain ${result.chainId}, signed by ${result.keyFingerprint}${result.keyPinned ? " (the key given)" : ""}`);
    return;
  }
  writeLine(stdout, `export BROKEN: ${result.records} record(s) read, chain ${result.chainId ?? "unknown"}`);
  printProblems(result.problems, result.moreProblems, stdout);
}

function printProblems(problems: TrailProblem[], more: boolean, stdout: Writable): void {
  for (const problem of problems) {
    const where = problem.seq === null ? "trail" : `record ${problem.seq}${problem.requestId ? ` (${problem.requestId})` : ""}`;
    writeLine(stdout, `  ${where}: ${problem.problem}`);
  }
  if (more) writeLine(stdout, "  … and more");
}

function firstProblem(problems: TrailProblem[]): string {
  const first = problems[0];
  if (!first) return "see above";
  return first.seq === null ? first.problem : `record ${first.seq}: ${first.problem}`;
}

function isoTime(text: string, flag: string): string {
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new UsageError(`${flag} takes a date or time, e.g. 2026-01-31 or 2026-01-31T12:00:00Z`);
  return new Date(time).toISOString();
}

function fail(context: CommandContext, reason: string): number {
  writeLine(context.io.stderr, `privacy-router: ${reason}`);
  return 1;
}
