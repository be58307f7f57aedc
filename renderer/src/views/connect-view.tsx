import { useEffect, useState, type FormEvent } from "react";
import { EmptyState, ErrorState, Loading } from "../components/state-message.js";
import { formatDateTime } from "../format.js";
import { useAppStore } from "../store/store-context.js";
import { connectSnippets } from "./connect-snippets.js";

const tokenPlaceholder = "YOUR_CLIENT_TOKEN";

export function ConnectView() {
  const endpoint = useAppStore((state) => state.gateway.status.data?.endpoint ?? `${window.location.origin}/v1`);
  const created = useAppStore((state) => state.tokens.created);
  const snippets = connectSnippets(endpoint, created?.token ?? tokenPlaceholder);
  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" tabIndex={-1}>Connect</h1>
        <p className="view-lede">
          Point each tool at <code>{endpoint}</code> with its own client token, so you can see which tool sent what and revoke one without touching the others.
        </p>
      </header>
      <Tokens />
      <div className="snippets">
        {snippets.map((snippet) => (
          <section key={snippet.id} className="card snippet" aria-labelledby={`snippet-${snippet.id}`}>
            <header className="card-header">
              <h2 id={`snippet-${snippet.id}`}>{snippet.title}</h2>
              <CopyButton text={snippet.text} label={`Copy the ${snippet.title} setup`} />
            </header>
            <pre className="code" tabIndex={0}>
              {snippet.text}
            </pre>
            {snippet.note ? <p className="muted small">{snippet.note}</p> : null}
          </section>
        ))}
      </div>
    </section>
  );
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <button type="button" className="button" onClick={copy} aria-label={label}>
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

function Tokens() {
  const tokens = useAppStore((state) => state.tokens);
  const loadTokens = useAppStore((state) => state.loadTokens);
  const createToken = useAppStore((state) => state.createToken);
  const revokeToken = useAppStore((state) => state.revokeToken);
  const dismiss = useAppStore((state) => state.dismissCreatedToken);
  const [name, setName] = useState("");
  const [admin, setAdmin] = useState(false);
  useEffect(() => {
    if (tokens.list.status === "idle") void loadTokens();
  }, [tokens.list.status, loadTokens]);
  // The token is shown once: leaving the view forgets it.
  useEffect(() => () => dismiss(), [dismiss]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void createToken(name.trim(), admin).then(() => setName(""));
  };
  const live = (tokens.list.data ?? []).filter((token) => token.revokedAt === null);
  return (
    <section className="card card-wide" aria-labelledby="tokens-title">
      <h2 id="tokens-title">Client tokens</h2>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor="token-name">New token for</label>
        <input id="token-name" value={name} onChange={(event) => setName(event.target.value)} placeholder="cursor" pattern="[A-Za-z0-9][A-Za-z0-9._-]{0,63}" required />
        <label className="checkbox">
          <input type="checkbox" checked={admin} onChange={(event) => setAdmin(event.target.checked)} /> admin (scripts using the admin API)
        </label>
        <button type="submit" className="button button-primary">
          Create
        </button>
      </form>
      {tokens.actionError ? (
        <p className="field-issues" role="alert">
          {tokens.actionError.message}
        </p>
      ) : null}
      {tokens.created ? (
        <div className="token-once" role="status">
          <p>
            Token for <strong>{tokens.created.name}</strong>. Copy it now: it is shown only this once, and the snippets below use it until you leave this page.
          </p>
          <pre className="code" tabIndex={0} data-testid="created-token">
            {tokens.created.token}
          </pre>
          <div className="form-actions">
            <CopyButton text={tokens.created.token} label="Copy the token" />
            <button type="button" className="button" onClick={dismiss}>
              Done
            </button>
          </div>
        </div>
      ) : null}
      {tokens.list.status === "error" && !tokens.list.data ? (
        <ErrorState error={tokens.list.error} onRetry={() => void loadTokens()} />
      ) : !tokens.list.data ? (
        <Loading />
      ) : live.length === 0 ? (
        <EmptyState title="No client tokens">Create one per tool.</EmptyState>
      ) : (
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {live.map((token) => (
              <tr key={token.name}>
                <td>{token.name}</td>
                <td>{token.admin ? "admin" : "client"}</td>
                <td>{formatDateTime(token.createdAt)}</td>
                <td>
                  <button type="button" className="button" onClick={() => void revokeToken(token.name)} aria-label={`Revoke ${token.name}`}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
