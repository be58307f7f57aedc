import { useEffect, useState } from "react";
import type { DryRunResult, KeptContentView } from "../../../shared/admin-api.js";
import type { AuditListItem } from "../../../shared/audit-query.js";
import { HighlightedText } from "../components/highlighted-text.js";
import { RouteBadge } from "../components/route-badge.js";
import { placeholderSpans } from "../components/split-by-findings.js";
import { EmptyState, ErrorState, Loading } from "../components/state-message.js";
import { formatDateTime, formatInteger, formatMs, formatUsd } from "../format.js";
import { keptAnswer, keptMessages } from "../store/kept-document.js";
import { findingsByFrequency } from "../store/selectors.js";
import { useAppStore } from "../store/store-context.js";

export function RequestView({ requestId }: { requestId: string }) {
  const detail = useAppStore((state) => state.detail);
  const openDetail = useAppStore((state) => state.openDetail);
  useEffect(() => {
    void openDetail(requestId);
  }, [requestId, openDetail]);

  const item = detail.requestId === requestId ? detail.record.data : null;
  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view-header">
        <p className="breadcrumb">
          <a href="#/live">Live</a> / <a href="#/audit">Audit</a> /
        </p>
        <h1 id="view-title" tabIndex={-1}>
          Request <span className="mono">{requestId}</span>
        </h1>
      </header>
      {detail.record.status === "error" && !item ? (
        <ErrorState error={detail.record.error} onRetry={() => void openDetail(requestId)} title="This request could not be loaded" />
      ) : !item ? (
        <Loading />
      ) : (
        <Receipt item={item} />
      )}
    </section>
  );
}

function Receipt({ item }: { item: AuditListItem }) {
  const { receipt } = item;
  const content = useAppStore((state) => state.detail.content);
  const reconstruction = useAppStore((state) => state.detail.reconstruction);
  return (
    <div className="receipt">
      <section className="card" aria-labelledby="decision-title">
        <h2 id="decision-title">Decision</h2>
        <dl className="facts">
          <dt>Route</dt>
          <dd>
            <RouteBadge receipt={receipt} /> {receipt.action ? <span className="muted">({receipt.action})</span> : null}
          </dd>
          <dt>Status</dt>
          <dd>
            {receipt.status}
            {receipt.httpStatus ? ` · HTTP ${receipt.httpStatus}` : ""}
            {receipt.errorCode ? ` · ${receipt.errorCode}` : ""}
          </dd>
          <dt>Client</dt>
          <dd>{receipt.client}</dd>
          <dt>Model asked</dt>
          <dd>{receipt.requestedModel ?? "—"}</dd>
          <dt>Answered by</dt>
          <dd>
            {receipt.provider}
            {receipt.model ? ` · ${receipt.model}` : ""}
          </dd>
          <dt>Policy version</dt>
          <dd className="mono">{receipt.policyVersion}</dd>
          <dt>Started</dt>
          <dd>{formatDateTime(receipt.startedAt)}</dd>
          <dt>Classes</dt>
          <dd>{receipt.classes.length ? receipt.classes.join(", ") : "none"}</dd>
          <dt>Difficulty</dt>
          <dd>
            {receipt.routing.score === null ? "—" : receipt.routing.score.toFixed(2)}
            {receipt.routing.tier ? ` (${receipt.routing.tier} tier)` : ""}
          </dd>
        </dl>
        <h3>Reasons</h3>
        {receipt.routing.reasons.length === 0 ? (
          <p className="muted">No reasons recorded{receipt.content.level === "none" ? " (the logging rule for this request keeps none)" : ""}.</p>
        ) : (
          <ul className="reasons">
            {receipt.routing.reasons.map((reason, index) => (
              <li key={index}>
                <span className="mono muted">{reason.code}</span> {reason.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="pipeline-title">
        <h2 id="pipeline-title">Pipeline</h2>
        <ol className="steps">
          <li>
            <span>Detection</span>
            <span className="numeric">{formatMs(receipt.latencyMs.detection)}</span>
          </li>
          <li>
            <span>Waiting for the local model</span>
            <span className="numeric">{formatMs(receipt.latencyMs.queue)}</span>
          </li>
          <li>
            <span>Provider (first dispatch to end of answer)</span>
            <span className="numeric">{formatMs(receipt.latencyMs.upstream)}</span>
          </li>
          <li className="steps-total">
            <span>Total</span>
            <span className="numeric">{formatMs(receipt.latencyMs.total)}</span>
          </li>
        </ol>
        <dl className="facts">
          <dt>Redactions</dt>
          <dd>{formatInteger(receipt.redactions)} replaced before sending, {formatInteger(receipt.restored)} restored in the answer</dd>
          <dt>Tokens</dt>
          <dd>{receipt.tokens ? `${formatInteger(receipt.tokens.prompt)} in · ${formatInteger(receipt.tokens.completion)} out` : "—"}</dd>
          <dt>Cost</dt>
          <dd>{formatUsd(receipt.costUsd)}</dd>
        </dl>
        <details className="detectors">
          <summary>Detectors that ran ({receipt.detectors.length})</summary>
          <p className="mono small">{receipt.detectors.join(" ") || "—"}</p>
        </details>
      </section>

      <section className="card" aria-labelledby="findings-title">
        <h2 id="findings-title">Findings</h2>
        <FindingCountList title="In the request" counts={receipt.findings} />
        {receipt.responseFindings ? <FindingCountList title="In the answer" counts={receipt.responseFindings} /> : null}
      </section>

      <section className="card card-wide" aria-labelledby="attempts-title">
        <h2 id="attempts-title">Attempts</h2>
        {receipt.attempts.length === 0 ? (
          <p className="muted">Nothing was sent anywhere.</p>
        ) : (
          <table className="plain-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Destination</th>
                <th scope="col">Outcome</th>
                <th scope="col">Detail</th>
                <th scope="col" className="numeric">Latency</th>
                <th scope="col">SHA-256 of bytes sent</th>
              </tr>
            </thead>
            <tbody>
              {receipt.attempts.map((attempt, index) => (
                <tr key={index} className={`attempt-${attempt.outcome}`}>
                  <td>{index + 1}</td>
                  <td>
                    {attempt.provider} · {attempt.model}
                  </td>
                  <td>{attempt.outcome}</td>
                  <td>{[attempt.errorCode, attempt.upstreamStatus ? `HTTP ${attempt.upstreamStatus}` : null, attempt.detail].filter(Boolean).join(" · ") || "—"}</td>
                  <td className="numeric">{formatMs(attempt.latencyMs)}</td>
                  <td className="mono small truncate" title={attempt.outboundSha256 ?? undefined}>
                    {attempt.outboundSha256 ?? "nothing sent"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>Data terms of {receipt.provider}</h3>
        {receipt.dataTerms ? (
          <dl className="facts">
            <dt>Keeps data</dt>
            <dd>{receipt.dataTerms.zeroDataRetention ? "no (zero data retention)" : receipt.dataTerms.retentionDays === null ? "unknown" : `${receipt.dataTerms.retentionDays} days`}</dd>
            <dt>Trains on data</dt>
            <dd>{receipt.dataTerms.trainsOnData ? "yes" : "no"}</dd>
            <dt>Region</dt>
            <dd>{receipt.dataTerms.region ?? "unknown"}</dd>
          </dl>
        ) : (
          <p className="muted">Nothing left this machine.</p>
        )}
      </section>

      <section className="card card-wide" aria-labelledby="text-title">
        <h2 id="text-title">Text</h2>
        <KeptText level={receipt.content.level} content={content} reconstruction={reconstruction.data} reconstructionStatus={reconstruction.status} outboundSha256={receipt.outboundSha256} />
      </section>
    </div>
  );
}

function FindingCountList({ title, counts }: { title: string; counts: Record<string, number | undefined> }) {
  const entries = findingsByFrequency(counts);
  return (
    <>
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="finding-counts">
          {entries.map((entry) => (
            <li key={entry.type}>
              <mark className="finding" data-finding-type={entry.type}>
                {entry.type}
              </mark>{" "}
              × {entry.count}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function KeptText({
  level,
  content,
  reconstruction,
  reconstructionStatus,
  outboundSha256,
}: {
  level: string;
  content: KeptContentView | null;
  reconstruction: DryRunResult | null;
  reconstructionStatus: string;
  outboundSha256: string | null;
}) {
  if (!content) {
    return (
      <EmptyState title="The text of this request is not kept">
        {level === "full" || level === "pseudonymized"
          ? "It was kept for a while under a logging rule and has been deleted on schedule; its SHA-256 stays in the receipt."
          : "The logging rule for this request keeps metadata only. To keep text on this machine, add a rule under logging.content in the Policy view."}
      </EmptyState>
    );
  }
  const messages = keptMessages(content.document);
  const answer = keptAnswer(content.document);
  return (
    <div className="kept-text">
      <p className="muted">
        Kept on this machine ({content.level === "full" ? "full text" : "every finding masked"}) until {formatDateTime(content.expiresAt)}.
      </p>
      <div className="side-by-side">
        <div>
          <h3>{content.level === "full" ? "Original, findings highlighted" : "As kept (masked)"}</h3>
          {messages.map((message) => (
            <div key={message.path} className="message">
              <p className="message-role">{message.role}</p>
              <HighlightedText
                label={`${message.role} message, original`}
                text={message.text}
                findings={content.level === "full" ? (reconstruction?.findings ?? []).filter((finding) => finding.path === message.path) : placeholderSpans(message.text)}
              />
            </div>
          ))}
          {answer !== null ? (
            <div className="message">
              <p className="message-role">answer</p>
              <HighlightedText label="answer" text={answer} findings={placeholderSpans(answer)} />
            </div>
          ) : null}
        </div>
        <div>
          <h3>What was sent</h3>
          <SentText reconstruction={reconstruction} status={reconstructionStatus} outboundSha256={outboundSha256} level={content.level} />
        </div>
      </div>
    </div>
  );
}

function SentText({ reconstruction, status, outboundSha256, level }: { reconstruction: DryRunResult | null; status: string; outboundSha256: string | null; level: string }) {
  const [matches, setMatches] = useState<boolean | null>(null);
  const bodyText = reconstruction?.outbound ? JSON.stringify(reconstruction.outbound.body) : null;
  useEffect(() => {
    let current = true;
    if (!bodyText || !outboundSha256 || !crypto.subtle) return;
    void crypto.subtle.digest("SHA-256", new TextEncoder().encode(bodyText)).then((digest) => {
      const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
      if (current) setMatches(hex === outboundSha256);
    });
    return () => {
      current = false;
    };
  }, [bodyText, outboundSha256]);

  if (level !== "full") return <p className="muted">Shown only where the full text is kept.</p>;
  if (status === "loading" || status === "idle") return <Loading />;
  if (!reconstruction) return <p className="muted">The sent text could not be rebuilt.</p>;
  if (!reconstruction.outbound) return <p className="muted">Nothing left this machine: {reconstruction.decision.route === "blocked" ? "the policy refused it" : "the local model answered"}.</p>;
  const messages = keptMessages({ request: reconstruction.outbound.body });
  return (
    <>
      {messages.map((message) => (
        <div key={message.path} className="message">
          <p className="message-role">{message.role}</p>
          <HighlightedText label={`${message.role} message, as sent`} text={message.text} findings={placeholderSpans(message.text)} />
        </div>
      ))}
      <p className="muted small">
        Rebuilt by the same pipeline for the same client (placeholders are keyed per conversation).{" "}
        {matches === true ? "Its bytes match the SHA-256 recorded for what was sent." : outboundSha256 ? `Recorded SHA-256 of the bytes sent: ${outboundSha256}.` : ""}
      </p>
    </>
  );
}
