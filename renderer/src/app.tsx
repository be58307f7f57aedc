import { useEffect } from "react";
import { ConnectionBanner, StreamIndicator } from "./components/connection-banner.js";
import { hrefOf, useLocation, views, type Location } from "./navigation.js";
import { useAppStore } from "./store/store-context.js";
import { AuditView } from "./views/audit-view.js";
import { ConnectView } from "./views/connect-view.js";
import { LiveView } from "./views/live-view.js";
import { ModelView } from "./views/model-view.js";
import { OverviewView } from "./views/overview-view.js";
import { PolicyView } from "./views/policy-view.js";
import { ProvidersView } from "./views/providers-view.js";
import { RequestView } from "./views/request-view.js";

export function App() {
  const location = useLocation();
  const loggedOut = useAppStore((state) => state.gateway.loggedOut);
  useEffect(() => {
    // Move focus to the new view's heading, so keyboard and screen-reader users land on it.
    document.getElementById("view-title")?.focus({ preventScroll: true });
  }, [location.view, location.view === "request" ? location.requestId : null]);

  if (loggedOut) {
    return (
      <main className="signed-out">
        <h1>Signed out</h1>
        <p>
          Run <code>privacy-router login</code> in a terminal and open the link it prints to sign in again.
        </p>
      </main>
    );
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header location={location} />
      <ConnectionBanner />
      <main id="main" className="main" tabIndex={-1}>
        <CurrentView location={location} />
      </main>
    </div>
  );
}

function Header({ location }: { location: Location }) {
  const status = useAppStore((state) => state.gateway.status.data);
  const setLocalOnly = useAppStore((state) => state.setLocalOnly);
  const logout = useAppStore((state) => state.logout);
  const active = location.view === "request" ? "live" : location.view;
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Privacy Router
      </div>
      <nav aria-label="Views">
        <ul className="nav-list">
          {views.map((view) => (
            <li key={view.id}>
              <a href={hrefOf({ view: view.id })} aria-current={active === view.id ? "page" : undefined} className="nav-link">
                {view.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <StreamIndicator />
        {status ? (
          <button
            type="button"
            className={`button local-only ${status.localOnly.on ? "local-only-on" : ""}`}
            aria-pressed={status.localOnly.on}
            disabled={status.localOnly.forcedByConfig}
            title={status.localOnly.forcedByConfig ? "policy.localOnly is set in config" : "Pause all cloud traffic"}
            onClick={() => void setLocalOnly(!status.localOnly.on)}
          >
            Local only: {status.localOnly.on ? "on" : "off"}
          </button>
        ) : null}
        <button type="button" className="button button-quiet" onClick={() => void logout()}>
          Sign out
        </button>
      </div>
    </header>
  );
}

function CurrentView({ location }: { location: Location }) {
  switch (location.view) {
    case "request":
      return <RequestView requestId={location.requestId} />;
    case "live":
      return <LiveView />;
    case "audit":
      return <AuditView />;
    case "overview":
      return <OverviewView />;
    case "providers":
      return <ProvidersView />;
    case "policy":
      return <PolicyView />;
    case "model":
      return <ModelView />;
    case "connect":
      return <ConnectView />;
  }
}
