import type { StateCreator } from "zustand";
import { describeError, type AdminApiError } from "../api/admin-error.js";
import type { AppState } from "./app-state.js";

/** `connected`: the last call worked. The others are why the UI cannot show fresh data. */
export type ConnectionStatus = "unknown" | "connected" | "unreachable" | "session-expired" | "forbidden";
export type EventStreamState = "closed" | "connecting" | "open" | "retrying";

export interface ConnectionSlice {
  connection: { status: ConnectionStatus; message: string | null; eventStream: EventStreamState; lastEventAt: string | null };
  /** Every call's outcome passes through these two, so one banner tells the user what is wrong. */
  reportReachable(): void;
  reportFailure(error: unknown): AdminApiError;
  setEventStreamState(state: EventStreamState): void;
  noteEventReceived(at: string): void;
}

export const initialConnection: ConnectionSlice["connection"] = { status: "unknown", message: null, eventStream: "closed", lastEventAt: null };

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set, get) => ({
  connection: initialConnection,
  reportReachable() {
    if (get().connection.status !== "connected") set((state) => ({ connection: { ...state.connection, status: "connected", message: null } }));
  },
  reportFailure(error) {
    const described = describeError(error);
    const status: ConnectionStatus | null =
      described.kind === "unreachable" ? "unreachable" : described.kind === "session-expired" ? "session-expired" : described.kind === "forbidden" && described.code !== "policy_blocked" ? "forbidden" : null;
    // A refused filter or a missing record is the view's business, not the connection's.
    if (status) set((state) => ({ connection: { ...state.connection, status, message: described.message } }));
    return described;
  },
  setEventStreamState(eventStream) {
    set((state) => ({ connection: { ...state.connection, eventStream } }));
  },
  noteEventReceived(at) {
    set((state) => ({ connection: { ...state.connection, lastEventAt: at } }));
  },
});
