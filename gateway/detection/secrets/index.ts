import type { Detector } from "../detector.js";
import { authorizationHeaderDetector } from "./authorization-header-detector.js";
import { awsSecretKeyDetector } from "./aws-secret-key-detector.js";
import { commandLineCredentialDetector } from "./command-line-credential-detector.js";
import { credentialAssignmentDetector } from "./credential-assignment-detector.js";
import { credentialCallDetector } from "./credential-call-detector.js";
import { credentialPairDetector } from "./credential-pair-detector.js";
import { credentialUrlDetector } from "./credential-url-detector.js";
import { jsonWebTokenDetector } from "./json-web-token-detector.js";
import { kubernetesSecretDetector } from "./kubernetes-secret-detector.js";
import { markupCredentialDetector } from "./markup-credential-detector.js";
import { passwordHashDetector } from "./password-hash-detector.js";
import { privateKeyDetector } from "./private-key-detector.js";
import { proseCredentialDetector } from "./prose-credential-detector.js";
import { providerKeyDetector } from "./provider-key-detector.js";
import { sqlCredentialDetector } from "./sql-credential-detector.js";

/**
 * Secrets: provider key formats, private keys, tokens, credentials in code, config, URLs,
 * headers, command lines and prose. Ordered from the most certain: on an equal span the
 * earlier detector's finding is kept.
 */
export const secretDetectors: readonly Detector[] = [
  providerKeyDetector,
  privateKeyDetector,
  jsonWebTokenDetector,
  passwordHashDetector,
  credentialUrlDetector,
  authorizationHeaderDetector,
  awsSecretKeyDetector,
  credentialAssignmentDetector,
  markupCredentialDetector,
  credentialCallDetector,
  credentialPairDetector,
  commandLineCredentialDetector,
  sqlCredentialDetector,
  kubernetesSecretDetector,
  proseCredentialDetector,
];
