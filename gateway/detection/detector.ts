import type { Finding } from "../../shared/findings.js";

/** A detector reads text and returns findings; it must not touch the network or keep state between calls. */
export interface Detector {
  readonly id: string;
  detect(text: string): Finding[];
}
