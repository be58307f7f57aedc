/** Response headers every answer carries (contract). */
export const provenanceHeaders = {
  requestId: "x-privacy-router-request-id",
  route: "x-privacy-router-route",
  provider: "x-privacy-router-provider",
  redactions: "x-privacy-router-redactions",
  policy: "x-privacy-router-policy",
} as const;

export type Route = "local" | "cloud" | "blocked";

/** What the gateway tells about one request, in headers and in the request log. */
export interface Provenance {
  requestId: string;
  route: Route;
  /** Provider id, `local`, or `none`. */
  provider: string;
  redactions: number;
  policyVersion: string;
}
