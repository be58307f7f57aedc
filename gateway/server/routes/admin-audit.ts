import { join } from "node:path";
import type { Hono } from "hono";
import { z } from "zod";
import type { AuditStatusView, KeptContentView } from "../../../shared/admin-api.js";
import { GatewayError } from "../../../shared/errors.js";
import { loadTrailKey, readAuditStatus, readChain } from "../../audit/audit-status.js";
import { exportTrail } from "../../audit/export-trail.js";
import { databaseFileName, openDatabaseForReading } from "../../audit/open-database.js";
import { summarySeries } from "../../audit/summary-series.js";
import type { GatewayEnv } from "../gateway-env.js";
import { webStreamSink } from "../web-stream-sink.js";
import { queryOf, type AdminDependencies } from "./admin.js";
import { registerAdminExportTicketRoute } from "./admin-export-ticket.js";

const exportQuery = z.strictObject({
  format: z.enum(["jsonl", "csv"]),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  /** The UI's single-use download ticket; admin-auth has already spent it. */
  ticket: z.string().optional(),
});

const seriesQuery = z.strictObject({
  bucket: z.enum(["hour", "day"]).default("day"),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
});

const dayMs = 86_400_000;

/** Kept text, the export download, the trail's status and verification, and the Overview's series. */
export function registerAdminAuditRoutes(app: Hono<GatewayEnv>, dependencies: AdminDependencies): void {
  app.get("/admin/v1/requests/:id/content", (context) => {
    const row = dependencies.queries.keptContent(context.req.param("id"));
    if (!row) throw new GatewayError("not_found", { message: "No text is kept for that request (its logging rule keeps metadata only, or the text expired and was purged)." });
    const view: KeptContentView = { requestId: context.req.param("id"), level: row.level, document: JSON.parse(row.content) as unknown, expiresAt: row.expires_at };
    context.header("cache-control", "no-store");
    return context.json(view);
  });

  app.get("/admin/v1/summary/series", (context) => {
    const query = queryOf(context, seriesQuery);
    const until = query.until ?? new Date().toISOString();
    const since = query.since ?? new Date(Date.parse(until) - (query.bucket === "hour" ? 2 : 30) * dayMs).toISOString();
    return context.json(summarySeries(dependencies.database, { bucket: query.bucket, since, until, config: dependencies.live.current().config }));
  });

  app.get("/admin/v1/audit/status", async (context) => {
    const status = await readAuditStatus(dependencies.auditLocation);
    const view: AuditStatusView = {
      chainId: status.chainId,
      records: status.records,
      firstRecordAt: status.firstRecordAt,
      lastRecordAt: status.lastRecordAt,
      keyStorage: status.keyStorage,
      keyFingerprint: status.keyFingerprint,
      keyAvailable: status.keyAvailable,
      keyProblem: status.keyProblem,
      keyWarning: status.keyWarning,
      headFile: status.headFile,
      contentKept: status.contentKept,
    };
    return context.json(view);
  });
  app.get("/admin/v1/audit/verify", (context) => context.json(dependencies.verifier.state()));
  app.post("/admin/v1/audit/verify", (context) => context.json(dependencies.verifier.start(), 202));

  registerAdminExportTicketRoute(app, dependencies.sessions);
  app.get("/admin/v1/export", async (context) => {
    const query = queryOf(context, exportQuery);
    // Its own read-only connection: an export holds one snapshot for as long as the download
    // takes, which must not become a transaction around the requests the gateway writes.
    const database = openDatabaseForReading(join(dependencies.auditLocation.dataDir, databaseFileName));
    let key;
    try {
      const chain = readChain(database);
      if (query.format === "jsonl") {
        if (!chain) throw new GatewayError("not_found", { message: "There is no audit trail yet: the first request served starts one." });
        const loaded = await loadTrailKey(chain, dependencies.auditLocation);
        if ("problem" in loaded) throw new GatewayError("audit_unavailable", { message: `A JSONL export is sealed with the audit signing key, which cannot be read: ${loaded.problem}` });
        key = loaded.key;
      }
    } catch (error) {
      database.close();
      throw error;
    }
    const sink = webStreamSink();
    // A failure half-way (the client left, the disk failed) ends the download short; the writable
    // itself is dropped, not destroyed, so an error on it has no listener left to crash into.
    sink.writable.on("error", () => {});
    exportTrail(database, { format: query.format, since: query.since, until: query.until, output: sink.writable, key })
      .then(() => sink.writable.end())
      .catch((error: unknown) => sink.fail(error instanceof Error ? error : new Error(String(error))))
      .finally(() => database.close());
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    context.header("content-type", query.format === "jsonl" ? "application/x-ndjson" : "text/csv; charset=utf-8");
    context.header("content-disposition", `attachment; filename="privacy-router-audit-${stamp}.${query.format}"`);
    context.header("cache-control", "no-store");
    return context.body(sink.readable, 200);
  });
}
