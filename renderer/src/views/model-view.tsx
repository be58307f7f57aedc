import { useEffect, useState } from "react";
import type { LocalModelState } from "../../../shared/local-models.js";
import { EmptyState, ErrorState, Loading } from "../components/state-message.js";
import { formatBytes, formatDateTime, formatInteger, formatMs, formatPercent } from "../format.js";
import { useAppStore } from "../store/store-context.js";

export function ModelView() {
  const models = useAppStore((state) => state.models);
  const loadModels = useAppStore((state) => state.loadModels);
  const pullModel = useAppStore((state) => state.pullModel);
  const removeModel = useAppStore((state) => state.removeModel);
  const cancelPull = useAppStore((state) => state.cancelPull);
  const useModel = useAppStore((state) => state.useModel);
  // The model whose unverified download the user is being asked to confirm.
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  useEffect(() => {
    if (models.overview.status === "idle") void loadModels();
  }, [models.overview.status, loadModels]);
  const overview = models.overview.data;

  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" tabIndex={-1}>Local model</h1>
        <p className="view-lede">The model on this machine that answers sensitive and easy requests. Nothing it reads leaves the device.</p>
      </header>
      {models.overview.status === "error" && !overview ? (
        <ErrorState error={models.overview.error} onRetry={() => void loadModels()} />
      ) : !overview ? (
        <Loading />
      ) : (
        <>
          <section className="card" aria-labelledby="active-title">
            <h2 id="active-title">In use</h2>
            <ActiveModel state={overview.active} reference={overview.activeReference} />
          </section>
          {models.actionError ? (
            <p className="field-issues" role="alert">
              {models.actionError.message}
            </p>
          ) : null}
          <section className="card card-wide" aria-labelledby="catalogue-title">
            <h2 id="catalogue-title">Models</h2>
            {overview.catalogue.length === 0 ? (
              <EmptyState title="The catalogue is empty" />
            ) : (
              <ul className="model-list">
                {overview.catalogue.map((model) => {
                  const event = models.events[model.id];
                  // A pushed event is newer than the last overview; the overview covers a page opened mid-download.
                  const progress = event?.state === "downloading" && event.receivedBytes !== undefined ? { receivedBytes: event.receivedBytes, totalBytes: event.totalBytes ?? null } : model.download;
                  const busy = models.pending === model.id;
                  return (
                    <li key={model.id} className="model-item" data-model-id={model.id}>
                      <div>
                        <p className="model-name">
                          {model.name} {model.active ? <span className="badge badge-local">in use</span> : null} {model.role === "default" ? <span className="muted">(default)</span> : null}
                        </p>
                        <p className="muted small">
                          {model.description} · {model.parameters}, {model.quantization} · {formatBytes(model.sizeBytes)} download · about {formatBytes(model.memoryBytes)} of memory ·{" "}
                          <a href={model.licenceUrl} rel="noreferrer noopener" target="_blank">
                            {model.licence}
                          </a>{" "}
                          · {model.checkedSha256 ? <span title={model.checkedSha256}>checked against SHA-256 {model.checkedSha256.slice(0, 12)}…</span> : <span className="warning">no pinned SHA-256</span>}
                        </p>
                        {confirmingId === model.id ? (
                          <div className="warning" role="alertdialog" aria-labelledby={`unpinned-${model.id}`}>
                            <p id={`unpinned-${model.id}`}>
                              The catalogue has no pinned SHA-256 for {model.name}, so this download cannot be checked against a published hash. If you download it anyway, its hash is computed and
                              recorded, and every later download of this model must match it.
                            </p>
                            <div className="card-actions">
                              <button
                                type="button"
                                className="button"
                                disabled={busy}
                                onClick={() => {
                                  setConfirmingId(null);
                                  void pullModel(model.id, { acceptUnpinned: true });
                                }}
                              >
                                Download unverified
                              </button>
                              <button type="button" className="button" onClick={() => setConfirmingId(null)}>
                                Don't download
                              </button>
                            </div>
                          </div>
                        ) : null}
                        {progress ? <DownloadProgress received={progress.receivedBytes} total={progress.totalBytes} label={model.name} /> : null}
                        {event?.state === "error" && event.message ? <p className="warning">{event.message}</p> : null}
                      </div>
                      <div className="card-actions">
                        {!model.installed && !progress ? (
                          <button
                            type="button"
                            className="button"
                            disabled={busy || confirmingId === model.id}
                            onClick={() => (model.checkedSha256 === null ? setConfirmingId(model.id) : void pullModel(model.id))}
                          >
                            Download
                          </button>
                        ) : null}
                        {progress ? (
                          <button type="button" className="button" disabled={busy} onClick={() => void cancelPull(model.id)}>
                            Cancel download
                          </button>
                        ) : null}
                        {model.installed && !model.active ? (
                          <button type="button" className="button button-primary" disabled={busy} onClick={() => void useModel(model.id)}>
                            Use
                          </button>
                        ) : null}
                        {model.installed && !model.active ? (
                          <button type="button" className="button" disabled={busy} onClick={() => void removeModel(model.id)}>
                            Remove
                          </button>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}

function DownloadProgress({ received, total, label }: { received: number; total: number | null; label: string }) {
  return (
    <div className="download">
      <progress max={total ?? undefined} value={total ? received : undefined} aria-label={`Downloading ${label}`} />
      <span className="small">
        {formatBytes(received)}
        {total ? ` of ${formatBytes(total)} (${formatPercent(received / total)})` : ""}
      </span>
    </div>
  );
}

function ActiveModel({ state, reference }: { state: LocalModelState; reference: string | null }) {
  switch (state.status) {
    case "not-configured":
      return <EmptyState title="No local model is configured">Download one below; sensitive requests are refused until a local model can answer them.</EmptyState>;
    case "not-downloaded":
      return (
        <p>
          <span className="badge badge-blocked">not downloaded</span> {state.modelId} is configured but not on this machine yet. Download it below, or run <code>{state.pullCommand}</code>.
        </p>
      );
    case "downloading":
      return (
        <>
          <p>
            <span className="badge">downloading</span> {state.modelId}
          </p>
          <DownloadProgress received={state.progress.receivedBytes} total={state.progress.totalBytes} label={state.modelId} />
        </>
      );
    case "idle":
      return (
        <p>
          <span className="badge">idle</span> <span className="mono small">{reference ?? state.modelPath}</span> loads on the first request that needs it.
        </p>
      );
    case "unloaded":
      return (
        <p>
          <span className="badge">unloaded</span> freed from memory at {formatDateTime(state.unloadedAt)} after a quiet spell; the next request loads it again.
        </p>
      );
    case "loading":
      return (
        <p role="status">
          <span className="badge">loading</span> <span className="mono small">{reference ?? state.modelPath}</span>
        </p>
      );
    case "ready":
      return (
        <dl className="facts">
          <dt>State</dt>
          <dd>
            <span className="badge badge-local">ready</span> {state.modelId} ({state.architecture})
          </dd>
          <dt>Memory</dt>
          <dd>{formatBytes(state.memoryBytes)}</dd>
          <dt>Speed</dt>
          <dd>{state.tokensPerSecond === null ? "no answers yet" : `${state.tokensPerSecond.toFixed(1)} tokens/s`}</dd>
          <dt>Runs on</dt>
          <dd>{state.gpu === false ? "CPU" : state.gpu}</dd>
          <dt>Context</dt>
          <dd>
            {formatInteger(state.contextSize)} tokens, {state.parallelRequests} requests at once
          </dd>
          <dt>Load time</dt>
          <dd>{formatMs(state.loadMilliseconds)}</dd>
        </dl>
      );
    case "server":
      return (
        <p>
          <span className="badge badge-local">local server</span> {state.model} at <span className="mono small">{state.baseUrl}</span>
        </p>
      );
    case "error":
      return (
        <p className="warning" role="alert">
          <span className="badge badge-blocked">error</span> {state.message}
        </p>
      );
  }
}
