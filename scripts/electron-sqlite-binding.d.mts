// Types for electron-sqlite-binding.mjs, so TypeScript tests can call it.
export declare const sqliteBindingVariable: "PRIVACY_ROUTER_SQLITE_BINDING";

export interface ElectronSqliteBindingOptions {
  root: string;
  electronVersion: string;
  platform?: string;
  arch?: string;
  outDir?: string;
  log?: (line: string) => void;
}

export declare function electronSqliteBindingPath(options: Omit<ElectronSqliteBindingOptions, "log">): string;
export declare function ensureElectronSqliteBinding(options: ElectronSqliteBindingOptions): string;
