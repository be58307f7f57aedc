import { basename, extname } from "node:path";
import type { ModelEvent } from "../../shared/admin-api.js";
import type { LocalModelState } from "../../shared/local-models.js";
import type { LocalModelControl } from "../models/local-model-control.js";
import type { ModelLibrary } from "../models/model-library.js";

interface ModelEventSink {
  publish(event: ModelEvent): void;
}

/**
 * Publishes the local model's lifecycle as `model` events on the admin event bus: the active
 * model's state as it changes, and every download's progress and outcome. Returns the
 * function that stops publishing.
 */
export function publishModelEvents(events: ModelEventSink, control: LocalModelControl | undefined, library: ModelLibrary): () => void {
  const stopControl = control?.subscribe((state) => {
    // Downloads are reported from the library below, once, whichever model they are for.
    if (state.status === "downloading") return;
    events.publish(activeModelEvent(state, control.reference));
  });
  const stopLibrary = library.subscribe((event) => {
    const id = event.type === "download-progress" ? event.progress.id : event.id;
    const active = control?.reference === id;
    switch (event.type) {
      case "download-progress":
        events.publish({
          type: "model",
          modelId: id,
          state: "downloading",
          receivedBytes: event.progress.receivedBytes,
          ...(event.progress.totalBytes === null ? {} : { totalBytes: event.progress.totalBytes }),
          bytesPerSecond: event.progress.bytesPerSecond,
          active,
        });
        return;
      case "download-finished":
        events.publish({ type: "model", modelId: id, state: "installed", totalBytes: event.installed.sizeBytes, active });
        return;
      case "download-failed":
        events.publish({ type: "model", modelId: id, state: "error", message: event.message, active });
        return;
      case "removed":
        events.publish({ type: "model", modelId: id, state: "removed", active });
    }
  });
  return () => {
    stopControl?.();
    stopLibrary();
  };
}

function activeModelEvent(state: LocalModelState, reference: string | undefined): ModelEvent {
  const named = (path: string): string => reference ?? basename(path, extname(path));
  switch (state.status) {
    case "not-configured":
      return { type: "model", modelId: "", state: "not-configured", active: true };
    case "not-downloaded":
      return { type: "model", modelId: state.modelId, state: "not-downloaded", active: true, message: `Run \`${state.pullCommand}\`, or download it on the UI's Local model page.` };
    case "downloading":
      return { type: "model", modelId: state.modelId, state: "downloading", receivedBytes: state.progress.receivedBytes, active: true };
    case "server":
      return { type: "model", modelId: state.model, state: "server", active: true };
    case "ready":
      return { type: "model", modelId: named(state.modelPath), state: "ready", active: true, ...(state.tokensPerSecond === null ? {} : { tokensPerSecond: state.tokensPerSecond }) };
    case "error":
      return { type: "model", modelId: named(state.modelPath), state: "error", message: state.message, active: true };
    default:
      return { type: "model", modelId: named(state.modelPath), state: state.status, active: true };
  }
}
