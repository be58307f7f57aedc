import { describe, expect, it } from "vitest";
import { kubernetesSecretDetector } from "./kubernetes-secret-detector.js";

const found = (text: string) => kubernetesSecretDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

const manifest = `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  db-url: cG9zdGdyZXM6Ly91OnBAaA==
  api.token: "c2VjcmV0LXRva2Vu"
stringData:
  region: eu-west-1
---
apiVersion: v1
kind: ConfigMap
data:
  log-level: debug
`;

describe("Kubernetes Secret manifests", () => {
  it("finds every value under data and stringData of the Secret, and nothing of the other documents", () => {
    expect(found(manifest)).toEqual(["cG9zdGdyZXM6Ly91OnBAaA==", "c2VjcmV0LXRva2Vu", "eu-west-1"]);
  });

  it("leaves templated values and manifests of other kinds alone", () => {
    expect(found("kind: Secret\ndata:\n  password: {{ .Values.password }}\n")).toEqual([]);
    expect(found("kind: ConfigMap\ndata:\n  url: https://example.com\n")).toEqual([]);
  });
});
