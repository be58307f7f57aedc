import type { Route } from "../../shared/provenance.js";
import { loggingLevels, type LoggingLevel, type Receipt } from "../../shared/receipt.js";
import type { GatewayConfig } from "../config/config-schema.js";

export interface LoggingChoice {
  level: LoggingLevel;
  /** How long kept text lives. */
  days: number;
}

/**
 * The logging level for a finished request. Of the rules that match its route and any of its
 * sensitivity classes, the most private wins: a request carrying health data is not logged in
 * full because a rule about personal data came first. No match: `default`.
 */
export function loggingChoice(logging: GatewayConfig["logging"], route: Route, classes: readonly string[]): LoggingChoice {
  let chosen: LoggingChoice | undefined;
  for (const rule of logging.content.rules) {
    if (rule.route !== undefined && rule.route !== route) continue;
    if (rule.class !== undefined && !classes.includes(rule.class)) continue;
    const candidate = { level: rule.keep, days: rule.days ?? logging.retention.contentDays };
    if (chosen === undefined || loggingLevels.indexOf(candidate.level) < loggingLevels.indexOf(chosen.level)) chosen = candidate;
  }
  return chosen ?? { level: logging.content.default, days: logging.retention.contentDays };
}

/** `none`: the record still proves where the request went, but says nothing about what it held. */
export function trimReceipt(receipt: Receipt): Receipt {
  return {
    ...receipt,
    requestedModel: null,
    classes: [],
    findings: {},
    responseFindings: null,
    routing: { ...receipt.routing, reasons: [] },
  };
}
