import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";

/** Where the private half of a chain's signing key lives. */
export type KeyStorage = "keychain" | "file";

/**
 * The Ed25519 key that signs one audit chain. Ed25519 rather than an HMAC, so that anyone
 * holding only the public key (an auditor with an export) can check the records, and only this
 * machine can write them. The private key never leaves this object except to its storage.
 */
export class AuditSigningKey {
  readonly storage: KeyStorage;
  /** The keychain account or the file path, for `doctor` and error messages. */
  readonly location: string;
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly #privateKey: KeyObject;

  constructor(privateKey: KeyObject, storage: KeyStorage, location: string) {
    this.#privateKey = privateKey;
    this.storage = storage;
    this.location = location;
    this.publicKey = exportPublicKey(createPublicKey(privateKey));
    this.fingerprint = keyFingerprint(this.publicKey);
  }

  /** Base64 Ed25519 signature of the statement's UTF-8 bytes. */
  sign(statement: string): string {
    return sign(null, Buffer.from(statement, "utf8"), this.#privateKey).toString("base64");
  }

  /** PKCS #8 DER, base64: what the storage keeps. */
  exportPrivateKey(): string {
    return this.#privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
  }

  toJSON(): { storage: KeyStorage; fingerprint: string } {
    return { storage: this.storage, fingerprint: this.fingerprint };
  }
}

export function generatePrivateKey(): KeyObject {
  return generateKeyPairSync("ed25519").privateKey;
}

export function importPrivateKey(base64Der: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(base64Der, "base64"), format: "der", type: "pkcs8" });
}

/** SubjectPublicKeyInfo DER, base64: the form stored in the database and in exports. */
export function exportPublicKey(publicKey: KeyObject): string {
  return publicKey.export({ format: "der", type: "spki" }).toString("base64");
}

export function importPublicKey(base64Der: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(base64Der, "base64"), format: "der", type: "spki" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error("the audit public key is not an Ed25519 key");
  return key;
}

/** `ed25519:` and the first 32 hex digits of the SHA-256 of the public key's DER: short enough to read aloud, long enough to pin. */
export function keyFingerprint(publicKeyBase64: string): string {
  return `ed25519:${createHash("sha256").update(Buffer.from(publicKeyBase64, "base64")).digest("hex").slice(0, 32)}`;
}

export function verifyStatement(publicKey: KeyObject, statement: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(statement, "utf8"), publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
