import { parentPort, workerData } from "node:worker_threads";
import { openDatabaseForReading } from "./open-database.js";
import { verifyTrail, type VerifyTrailOptions } from "./verify-trail.js";

/** What the gateway hands the worker: everything but the database is read on the gateway's side. */
export interface VerifyTrailWorkerInput {
  databasePath: string;
  options: VerifyTrailOptions;
}

/**
 * `audit verify` for a serving gateway, in a worker thread with its own read-only connection:
 * checking a long trail takes seconds of CPU that must not stall the requests being served.
 */
function run(): void {
  const input = workerData as VerifyTrailWorkerInput;
  const database = openDatabaseForReading(input.databasePath);
  try {
    parentPort?.postMessage({ result: verifyTrail(database, input.options) });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    database.close();
  }
}

if (parentPort) run();
