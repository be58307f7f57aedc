import { useSyncExternalStore } from "react";

/** The views, in the order of the navigation bar. */
export const views = [
  { id: "live", label: "Live" },
  { id: "audit", label: "Audit" },
  { id: "overview", label: "Overview" },
  { id: "providers", label: "Providers and keys" },
  { id: "policy", label: "Policy" },
  { id: "model", label: "Local model" },
  { id: "connect", label: "Connect" },
] as const;

export type ViewId = (typeof views)[number]["id"];

export type Location = { view: ViewId } | { view: "request"; requestId: string };

/** Hash routes (`#/live`, `#/requests/<id>`): no router library, and reloads keep the place. */
export function parseHash(hash: string): Location {
  const path = hash.replace(/^#\/?/, "");
  const [first, second] = path.split("/");
  if (first === "requests" && second) return { view: "request", requestId: decodeURIComponent(second) };
  const known = views.find((view) => view.id === first);
  return { view: known ? known.id : "live" };
}

export function hrefOf(location: Location): string {
  return location.view === "request" ? `#/requests/${encodeURIComponent(location.requestId)}` : `#/${location.view}`;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener("hashchange", callback);
  return () => window.removeEventListener("hashchange", callback);
}

export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
