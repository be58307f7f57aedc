import { useEffect, useState, type FormEvent } from "react";
import type { ProviderKind, ProviderSettings, ProviderView } from "../../../shared/admin-api.js";
import { Dialog } from "../components/dialog.js";
import { FieldIssues, issuesFor } from "../components/field-issues.js";
import { EmptyState, ErrorState, Loading } from "../components/state-message.js";
import { formatMs } from "../format.js";
import { useAppStore } from "../store/store-context.js";

// A copy of `providerKinds`: importing the value would pull the contract's zod schemas into the bundle.
const providerKinds: readonly ProviderKind[] = ["openai", "anthropic", "openai-compatible"];

export function ProvidersView() {
  const providers = useAppStore((state) => state.providers);
  const loadProviders = useAppStore((state) => state.loadProviders);
  const [editing, setEditing] = useState<ProviderView | "new" | null>(null);
  useEffect(() => {
    if (providers.list.status === "idle") void loadProviders();
  }, [providers.list.status, loadProviders]);
  const list = providers.list.data;

  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view-header view-header-row">
        <div>
          <h1 id="view-title" tabIndex={-1}>Providers and keys</h1>
          <p className="view-lede">Cloud providers the router may send cleared requests to, their data terms, and their keys (kept in the OS keychain, never shown).</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setEditing("new")}>
          Add provider
        </button>
      </header>
      {providers.list.status === "error" && !list ? (
        <ErrorState error={providers.list.error} onRetry={() => void loadProviders()} />
      ) : !list ? (
        <Loading />
      ) : list.length === 0 ? (
        <EmptyState title="No cloud providers">Without one, every request is answered by the local model. Add one to send cleared requests to the cloud.</EmptyState>
      ) : (
        <div className="provider-list">
          {list.map((provider) => (
            <ProviderCard key={provider.id} provider={provider} onEdit={() => setEditing(provider)} />
          ))}
        </div>
      )}
      <Dialog open={editing !== null} title={editing === "new" ? "Add a provider" : `Edit ${editing?.id ?? ""}`} onClose={() => setEditing(null)}>
        {editing !== null ? <ProviderForm provider={editing === "new" ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Dialog>
    </section>
  );
}

function ProviderCard({ provider, onEdit }: { provider: ProviderView; onEdit: () => void }) {
  const pending = useAppStore((state) => state.providers.pending === provider.id);
  const actionError = useAppStore((state) => (state.providers.actionError?.providerId === provider.id ? state.providers.actionError.error : null));
  const test = useAppStore((state) => state.providers.tests[provider.id]);
  const setProviderKey = useAppStore((state) => state.setProviderKey);
  const deleteProviderKey = useAppStore((state) => state.deleteProviderKey);
  const testProvider = useAppStore((state) => state.testProvider);
  const removeProvider = useAppStore((state) => state.removeProvider);
  const [keyValue, setKeyValue] = useState("");
  const [confirmRemove, setConfirmRemove] = useState(false);
  const keyInputId = `key-${provider.id}`;

  const submitKey = async (event: FormEvent) => {
    event.preventDefault();
    const value = keyValue;
    // The value leaves the page's state at once; only the gateway keeps it.
    setKeyValue("");
    await setProviderKey(provider.id, value);
  };

  const terms = provider.dataPolicy;
  return (
    <article className="card provider-card" aria-labelledby={`provider-${provider.id}`} data-provider-id={provider.id}>
      <header className="card-header">
        <h2 id={`provider-${provider.id}`}>{provider.id}</h2>
        <span className="muted">
          {provider.kind} · <span className="mono small">{provider.baseUrl}</span>
        </span>
        {!provider.supported ? <span className="warning">not supported yet: never a destination</span> : null}
      </header>
      <dl className="facts">
        <dt>Models</dt>
        <dd>{provider.models.map((model) => (typeof model === "string" ? model : model.id)).join(", ") || "—"}</dd>
        <dt>Data terms</dt>
        <dd>
          {terms.zeroDataRetention ? "zero data retention" : terms.retentionDays === null ? "retention unknown" : `keeps data ${terms.retentionDays} days`} ·{" "}
          {terms.trainsOnData ? "trains on data" : "no training"} · region {terms.region ?? "unknown"}
        </dd>
        <dt>Key</dt>
        <dd data-testid={`key-status-${provider.id}`}>
          {provider.key.configured ? (
            <span className="ok">configured ({provider.key.source === "environment" ? `from ${provider.key.environmentVariable}` : "OS keychain"})</span>
          ) : (
            <span className="warning">not configured</span>
          )}
          {provider.key.problem ? <span className="warning"> · {provider.key.problem}</span> : null}
        </dd>
      </dl>
      <form className="inline-form" onSubmit={(event) => void submitKey(event)}>
        <label htmlFor={keyInputId}>{provider.key.configured ? "Replace key" : "Set key"}</label>
        <input id={keyInputId} type="password" autoComplete="off" spellCheck={false} value={keyValue} onChange={(event) => setKeyValue(event.target.value)} />
        <button type="submit" className="button" disabled={pending || keyValue === ""}>
          Save key
        </button>
        {provider.key.configured && provider.key.source === "keychain" ? (
          <button type="button" className="button" disabled={pending} onClick={() => void deleteProviderKey(provider.id)}>
            Delete key
          </button>
        ) : null}
      </form>
      <div className="card-actions">
        <button type="button" className="button" disabled={pending} onClick={() => void testProvider(provider.id)}>
          Test connection
        </button>
        <button type="button" className="button" onClick={onEdit}>
          Edit
        </button>
        {confirmRemove ? (
          <>
            <span>Remove {provider.id}?</span>
            <button type="button" className="button button-danger" onClick={() => void removeProvider(provider.id).then(() => setConfirmRemove(false))}>
              Remove
            </button>
            <button type="button" className="button" onClick={() => setConfirmRemove(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirmRemove(true)}>
            Remove…
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {pending ? <p className="muted">Working…</p> : null}
        {test ? (
          <p className={test.ok ? "ok" : "warning"}>
            {test.ok ? "Connected" : "Failed"}: {test.message} ({formatMs(test.latencyMs)}){test.models.length ? ` · ${test.models.length} models listed` : ""}
          </p>
        ) : null}
      </div>
      {actionError ? (
        <p className="field-issues" role="alert">
          {actionError.message}
        </p>
      ) : null}
    </article>
  );
}

function ProviderForm({ provider, onDone }: { provider: ProviderView | null; onDone: () => void }) {
  const saveProvider = useAppStore((state) => state.saveProvider);
  const actionError = useAppStore((state) => state.providers.actionError);
  const [id, setId] = useState(provider?.id ?? "");
  const [kind, setKind] = useState<ProviderKind>(provider?.kind ?? "openai-compatible");
  const [baseUrl, setBaseUrl] = useState(provider?.baseUrl ?? "");
  const [models, setModels] = useState(provider?.models.map((model) => (typeof model === "string" ? model : model.id)).join(", ") ?? "");
  const [retention, setRetention] = useState(provider?.dataPolicy.retentionDays?.toString() ?? "");
  const [trains, setTrains] = useState(provider?.dataPolicy.trainsOnData ?? false);
  const [zeroDataRetention, setZeroDataRetention] = useState(provider?.dataPolicy.zeroDataRetention ?? false);
  const [region, setRegion] = useState(provider?.dataPolicy.region ?? "");
  const issues = actionError && actionError.providerId === id ? actionError.error.issues : [];
  const message = actionError && actionError.providerId === id && issues.length === 0 ? actionError.error.message : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Keep prices the config already has for models that stay.
    const known = new Map((provider?.models ?? []).map((model) => [typeof model === "string" ? model : model.id, model]));
    const settings: ProviderSettings = {
      kind,
      baseUrl: baseUrl.trim(),
      models: models
        .split(",")
        .map((model) => model.trim())
        .filter(Boolean)
        .map((model) => known.get(model) ?? model),
      dataPolicy: { retentionDays: retention.trim() === "" ? null : Number(retention), trainsOnData: trains, zeroDataRetention, region: region.trim() || null },
    };
    if (await saveProvider(id.trim(), settings)) onDone();
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <label htmlFor="provider-id">Id</label>
      <input id="provider-id" value={id} onChange={(event) => setId(event.target.value)} disabled={provider !== null} required pattern="[a-z0-9][a-z0-9-]*" />
      <label htmlFor="provider-kind">Kind</label>
      <select id="provider-kind" value={kind} onChange={(event) => setKind(event.target.value as ProviderKind)}>
        {providerKinds.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
      <label htmlFor="provider-baseUrl">Base URL</label>
      <input id="provider-baseUrl" value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} aria-describedby="provider-baseUrl-issues" placeholder="https://api.example.com/v1" />
      <FieldIssues id="provider-baseUrl-issues" issues={issuesFor(issues, "baseUrl")} />
      <label htmlFor="provider-models">Models (comma-separated)</label>
      <input id="provider-models" value={models} onChange={(event) => setModels(event.target.value)} aria-describedby="provider-models-issues" />
      <FieldIssues id="provider-models-issues" issues={issuesFor(issues, "models")} />
      <fieldset>
        <legend>Data terms</legend>
        <label htmlFor="provider-retention">Keeps data for (days; empty if unknown)</label>
        <input id="provider-retention" inputMode="numeric" value={retention} onChange={(event) => setRetention(event.target.value)} aria-describedby="provider-dataPolicy-issues" />
        <label className="checkbox">
          <input type="checkbox" checked={zeroDataRetention} onChange={(event) => setZeroDataRetention(event.target.checked)} /> Zero data retention
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={trains} onChange={(event) => setTrains(event.target.checked)} /> Trains on submitted data
        </label>
        <label htmlFor="provider-region">Region</label>
        <input id="provider-region" value={region} onChange={(event) => setRegion(event.target.value)} placeholder="eu, us…" />
        <FieldIssues id="provider-dataPolicy-issues" issues={issuesFor(issues, "dataPolicy")} />
      </fieldset>
      {message ? (
        <p className="field-issues" role="alert">
          {message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Save
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
