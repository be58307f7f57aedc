import { useEffect, useState, type FormEvent } from "react";
import type { DryRunResult } from "../../../shared/admin-api.js";
import { HighlightedText } from "../components/highlighted-text.js";
import { ErrorState, Loading } from "../components/state-message.js";
import { useAppStore } from "../store/store-context.js";

export function PolicyView() {
  const policy = useAppStore((state) => state.policy);
  const loadPolicy = useAppStore((state) => state.loadPolicy);
  useEffect(() => {
    if (policy.document.status === "idle") void loadPolicy();
  }, [policy.document.status, loadPolicy]);

  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" tabIndex={-1}>Policy</h1>
        <p className="view-lede">The gateway's config.yaml: classes, routing, budgets, logging. Saving checks it and applies it at once; requests in flight finish under the old policy.</p>
      </header>
      {policy.document.status === "error" && !policy.document.data ? (
        <ErrorState error={policy.document.error} onRetry={() => void loadPolicy()} />
      ) : !policy.document.data ? (
        <Loading />
      ) : (
        <div className="policy-layout">
          <ConfigEditor />
          <DryRunBox />
        </div>
      )}
    </section>
  );
}

function ConfigEditor() {
  const policy = useAppStore((state) => state.policy);
  const editPolicy = useAppStore((state) => state.editPolicy);
  const validatePolicy = useAppStore((state) => state.validatePolicy);
  const savePolicy = useAppStore((state) => state.savePolicy);
  const document = policy.document.data;
  const text = policy.draft ?? document?.text ?? "";
  const lines = text.split("\n");
  const busy = policy.saveState === "saving" || policy.saveState === "validating";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void savePolicy();
  };
  return (
    <form className="card config-editor" onSubmit={submit} aria-labelledby="config-title">
      <h2 id="config-title">config.yaml</h2>
      <p className="muted small">
        {document?.path} · policy version <span className="mono">{document?.policyVersion}</span>
      </p>
      <label htmlFor="config-text" className="visually-hidden">
        Configuration (YAML)
      </label>
      <div className="editor">
        <ol className="line-numbers" aria-hidden="true">
          {lines.map((_, index) => (
            <li key={index} className={policy.issues.some((issue) => issue.line === index + 1) ? "line-error" : undefined}>
              {index + 1}
            </li>
          ))}
        </ol>
        <textarea
          id="config-text"
          className="config-text"
          spellCheck={false}
          value={text}
          rows={Math.max(16, lines.length + 1)}
          onChange={(event) => editPolicy(event.target.value)}
          aria-invalid={policy.issues.length > 0}
          aria-describedby="config-issues"
        />
      </div>
      <div id="config-issues" role="alert">
        {policy.issues.length > 0 ? (
          <ul className="field-issues">
            {policy.issues.map((issue, index) => (
              <li key={index} data-line={issue.line}>
                {issue.line ? <span className="mono">line {issue.line}: </span> : null}
                <span className="mono">{issue.path}</span> — {issue.message}
              </li>
            ))}
          </ul>
        ) : policy.saveError ? (
          <p className="field-issues">{policy.saveError.message}</p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || policy.draft === null}>
          Save and apply
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void validatePolicy()}>
          Check
        </button>
        <button type="button" className="button" disabled={busy || policy.draft === null} onClick={() => editPolicy(document?.text ?? "")}>
          Discard changes
        </button>
        <span role="status" aria-live="polite" className="muted">
          {policy.saveState === "saving"
            ? "Saving…"
            : policy.saveState === "validating"
              ? "Checking…"
              : policy.saveState === "saved" && policy.lastSaved
                ? `Saved. New requests use policy ${policy.lastSaved.policyVersion}.${policy.lastSaved.restartRequired.length ? ` Restart the gateway to apply: ${policy.lastSaved.restartRequired.join(", ")}.` : ""}`
                : policy.draft !== null
                  ? "Unsaved changes."
                  : ""}
        </span>
      </div>
    </form>
  );
}

function DryRunBox() {
  const dryRun = useAppStore((state) => state.policy.dryRun);
  const runDryRun = useAppStore((state) => state.runDryRun);
  const [text, setText] = useState("");
  const [model, setModel] = useState("auto");
  const [submitted, setSubmitted] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(text);
    void runDryRun({ text, model: model.trim() || "auto" });
  };
  return (
    <section className="card" aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">Dry run</h2>
      <p className="muted small">Paste a prompt: see what would be found, decided and sent. Nothing is sent, no model runs, nothing is recorded.</p>
      <form className="form" onSubmit={submit}>
        <label htmlFor="dry-run-text">Prompt (text, or a chat completion request as JSON)</label>
        <textarea id="dry-run-text" rows={6} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />
        <label htmlFor="dry-run-model">Model</label>
        <input id="dry-run-model" value={model} onChange={(event) => setModel(event.target.value)} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={text.trim() === "" || dryRun.status === "loading"}>
            Run
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {dryRun.status === "loading" ? <Loading label="Running…" /> : null}
        {dryRun.status === "error" ? <p className="field-issues">{dryRun.error?.message}</p> : null}
      </div>
      {dryRun.data ? <DryRunOutcome result={dryRun.data} text={submitted} /> : null}
    </section>
  );
}

function DryRunOutcome({ result, text }: { result: DryRunResult; text: string }) {
  // Offsets are relative to the field: only a plain-text prompt (one user message) maps onto the box.
  const plain = !text.trim().startsWith("{") && result.findings.every((finding) => finding.path === "messages[0].content");
  return (
    <div className="dry-run-result" data-testid="dry-run-result">
      <h3>Decision</h3>
      <p>
        <span className={`badge badge-${result.decision.route}`}>{result.decision.route === "cloud" ? (result.decision.provider ?? "cloud") : result.decision.route}</span> {result.decision.action}
        {result.decision.model ? ` · ${result.decision.model}` : ""} · difficulty {result.decision.difficulty.toFixed(2)} · {result.redactions} redactions
      </p>
      <ul className="reasons">
        {result.decision.reasons.map((reason, index) => (
          <li key={index}>{reason.message}</li>
        ))}
      </ul>
      <h3>Findings</h3>
      {result.findings.length === 0 ? (
        <p className="muted">Nothing found.</p>
      ) : plain ? (
        <HighlightedText label="Prompt, findings highlighted" text={text} findings={result.findings} />
      ) : (
        <ul>
          {result.findings.map((finding, index) => (
            <li key={index}>
              <span className="mono">{finding.path}</span> {finding.type} ({finding.start}–{finding.end})
            </li>
          ))}
        </ul>
      )}
      <h3>Would send</h3>
      {result.outbound ? (
        <>
          <p className="mono small">{result.outbound.url}</p>
          <pre className="text-block" tabIndex={0}>
            {JSON.stringify(result.outbound.body, null, 2)}
          </pre>
        </>
      ) : (
        <p className="muted">Nothing would leave this machine.</p>
      )}
    </div>
  );
}
