import type { StateCreator } from "zustand";
import type { TokenCreated, TokenSummary } from "../../../shared/admin-api.js";
import type { AdminApiError } from "../api/admin-error.js";
import type { AdminApi } from "../api/admin-api.js";
import type { AppState } from "./app-state.js";
import { failed, idle, loading, ready, type Loadable } from "./loadable.js";

export interface TokensSlice {
  tokens: {
    list: Loadable<TokenSummary[]>;
    /** The token just created: shown once, forgotten by `dismissCreatedToken`. */
    created: TokenCreated | null;
    actionError: AdminApiError | null;
  };
  loadTokens(): Promise<void>;
  createToken(name: string, admin: boolean): Promise<void>;
  revokeToken(name: string): Promise<void>;
  dismissCreatedToken(): void;
}

export const initialTokens: TokensSlice["tokens"] = { list: idle(), created: null, actionError: null };

export function createTokensSlice(api: AdminApi): StateCreator<AppState, [], [], TokensSlice> {
  return (set, get) => {
    const patch = (change: Partial<TokensSlice["tokens"]>) => set((state) => ({ tokens: { ...state.tokens, ...change } }));
    return {
      tokens: initialTokens,
      async loadTokens() {
        patch({ list: loading(get().tokens.list) });
        try {
          const { tokens } = await api.tokens();
          get().reportReachable();
          patch({ list: ready(tokens) });
        } catch (error) {
          patch({ list: failed(get().tokens.list, get().reportFailure(error)) });
        }
      },
      async createToken(name, admin) {
        patch({ actionError: null, created: null });
        try {
          const created = await api.createToken(name, admin);
          get().reportReachable();
          patch({ created });
          await get().loadTokens();
        } catch (error) {
          patch({ actionError: get().reportFailure(error) });
        }
      },
      async revokeToken(name) {
        patch({ actionError: null });
        try {
          await api.revokeToken(name);
          get().reportReachable();
          await get().loadTokens();
        } catch (error) {
          patch({ actionError: get().reportFailure(error) });
        }
      },
      dismissCreatedToken() {
        patch({ created: null });
      },
    };
  };
}
