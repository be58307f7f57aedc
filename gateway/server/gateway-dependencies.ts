import type { RequestAudit } from "../audit/request-audit.js";
import type { Logger } from "../logging/logger.js";
import type { ChatPipelineDependencies } from "../pipeline/plan-chat.js";
import type { SpendLedger } from "../policy/spend-ledger.js";
import type { EmbeddingModel } from "../providers/chat-model.js";
import type { TokenVerifier } from "./middleware/client-auth.js";

/** Everything the HTTP app needs, handed in so a test can give it fakes or real parts. */
export interface GatewayDependencies extends ChatPipelineDependencies {
  tokens: TokenVerifier;
  /** The audit trail: a row before dispatch, a chained record at the end. */
  audit: RequestAudit;
  embeddingModel: EmbeddingModel | undefined;
  logger: Logger;
  /** The bound port, for the Host check (known after listening). */
  port: () => number;
  /** Host names accepted besides loopback, when the user bound another address on purpose. */
  extraHosts?: readonly string[];
  clock?: () => Date;
  /** The admin API; absent in tests that do not need it. */
  admin?: import("./routes/admin.js").AdminDependencies;
  /** Local model management (`/admin/v1/models…`), registered beside the admin API. */
  adminModels?: import("./routes/admin-models.js").AdminModelsDependencies;
  /** Spend per provider, for budgets; updated when a cloud answer ends. */
  spend?: SpendLedger;
  /**
   * The parts a config change replaces (config, policy version, detectors, providers, spend).
   * When set, each request runs under a snapshot of them taken as it starts (live-pipeline.ts).
   */
  live?: import("./live-pipeline.js").LivePipeline;
  /** Where request start and end are published for the UI's event stream. */
  events?: import("./admin-events.js").AdminEventBus;
}
