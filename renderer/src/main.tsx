import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createHttpAdminApi } from "./api/admin-api.js";
import { connectEventStream } from "./api/event-stream.js";
import { adoptSessionFromAddress } from "./api/session-secret.js";
import { App } from "./app.js";
import { createAppStore } from "./store/create-app-store.js";
import { StoreProvider } from "./store/store-context.js";
import "./styles/app.css";

// First of all: the sign-in redirect's secret leaves the address bar before anything runs.
adoptSessionFromAddress();
const api = createHttpAdminApi();
const store = createAppStore(api);
void store.getState().loadGateway();
void store.getState().seedLive();
connectEventStream(store, () => api.session());

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}
