import type { StateCreator } from "zustand";
import type { ConfigDocument, ConfigSaved, DryRunRequest, DryRunResult, ValidationIssue } from "../../../shared/admin-api.js";
import type { AdminApiError } from "../api/admin-error.js";
import type { AdminApi } from "../api/admin-api.js";
import type { AppState } from "./app-state.js";
import { failed, idle, loading, ready, type Loadable } from "./loadable.js";

export interface PolicySlice {
  policy: {
    document: Loadable<ConfigDocument>;
    /** The text being edited; null while it equals the saved text. */
    draft: string | null;
    issues: ValidationIssue[];
    saveState: "idle" | "validating" | "saving" | "saved" | "refused";
    saveError: AdminApiError | null;
    lastSaved: ConfigSaved | null;
    dryRun: Loadable<DryRunResult>;
  };
  loadPolicy(): Promise<void>;
  editPolicy(text: string): void;
  validatePolicy(): Promise<void>;
  savePolicy(): Promise<void>;
  runDryRun(request: DryRunRequest): Promise<void>;
}

export const initialPolicy: PolicySlice["policy"] = {
  document: idle(),
  draft: null,
  issues: [],
  saveState: "idle",
  saveError: null,
  lastSaved: null,
  dryRun: idle(),
};

/** The issues of one line (1-based), for messages shown beside it. */
export function issuesOnLine(issues: readonly ValidationIssue[], line: number): ValidationIssue[] {
  return issues.filter((issue) => issue.line === line);
}

export function createPolicySlice(api: AdminApi): StateCreator<AppState, [], [], PolicySlice> {
  return (set, get) => {
    const patch = (change: Partial<PolicySlice["policy"]>) => set((state) => ({ policy: { ...state.policy, ...change } }));
    const currentText = () => get().policy.draft ?? get().policy.document.data?.text ?? "";
    return {
      policy: initialPolicy,
      async loadPolicy() {
        patch({ document: loading(get().policy.document) });
        try {
          const document = await api.config();
          get().reportReachable();
          patch({ document: ready(document) });
        } catch (error) {
          patch({ document: failed(get().policy.document, get().reportFailure(error)) });
        }
      },
      editPolicy(text) {
        patch({ draft: text === get().policy.document.data?.text ? null : text, saveState: "idle", saveError: null });
      },
      async validatePolicy() {
        patch({ saveState: "validating", saveError: null });
        try {
          const validation = await api.validateConfig({ text: currentText() });
          get().reportReachable();
          patch({ issues: validation.issues, saveState: validation.ok ? "idle" : "refused" });
        } catch (error) {
          const described = get().reportFailure(error);
          patch({ saveState: "refused", saveError: described, issues: described.issues });
        }
      },
      async savePolicy() {
        const document = get().policy.document.data;
        patch({ saveState: "saving", saveError: null });
        try {
          const saved = await api.saveConfig({ text: currentText(), ...(document ? { baseRevision: document.revision } : {}) });
          get().reportReachable();
          patch({ saveState: "saved", issues: [], lastSaved: saved, draft: null });
          await get().loadPolicy();
        } catch (error) {
          const described = get().reportFailure(error);
          patch({ saveState: "refused", saveError: described, issues: described.issues });
        }
      },
      async runDryRun(request) {
        patch({ dryRun: loading(get().policy.dryRun) });
        try {
          const result = await api.dryRun(request);
          get().reportReachable();
          patch({ dryRun: ready(result) });
        } catch (error) {
          patch({ dryRun: failed(get().policy.dryRun, get().reportFailure(error)) });
        }
      },
    };
  };
}
