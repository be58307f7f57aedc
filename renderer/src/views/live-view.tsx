import { EmptyState, Loading } from "../components/state-message.js";
import { VirtualRequestRows } from "../components/virtual-rows.js";
import { selectLiveRows } from "../store/selectors.js";
import { useAppStore } from "../store/store-context.js";

export function LiveView() {
  const rows = useAppStore(selectLiveRows);
  const seeded = useAppStore((state) => state.live.seeded);
  return (
    <section className="view view-fill" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" tabIndex={-1}>Live</h1>
        <p className="view-lede">Every request as it happens, pushed by the gateway. Open one to see its receipt.</p>
      </header>
      {!seeded ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title="No requests yet">
          Point a tool at the gateway (see <a href="#/connect">Connect</a>) and its requests appear here as they happen.
        </EmptyState>
      ) : (
        <VirtualRequestRows rows={rows} label="Live requests" />
      )}
    </section>
  );
}
