import { clientTokenPrefix } from "../../../auth/client-tokens.js";
import { aiKeyFormats } from "./ai-key-formats.js";
import { cloudKeyFormats } from "./cloud-key-formats.js";
import { codeHostingKeyFormats } from "./code-hosting-key-formats.js";
import { keyFormat, tokenStart, type KeyFormat } from "./key-format.js";
import { messagingKeyFormats } from "./messaging-key-formats.js";
import { paymentKeyFormats } from "./payment-key-formats.js";
import { serviceKeyFormats } from "./service-key-formats.js";

export type { KeyFormat } from "./key-format.js";

// Our own client tokens: the prefix and 32 random bytes in base64url.
const clientTokenFormat = keyFormat("privacy-router-client-token", [clientTokenPrefix], `${tokenStart}${clientTokenPrefix}[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`);

export const keyFormats: readonly KeyFormat[] = [
  clientTokenFormat,
  ...cloudKeyFormats,
  ...aiKeyFormats,
  ...paymentKeyFormats,
  ...codeHostingKeyFormats,
  ...messagingKeyFormats,
  ...serviceKeyFormats,
];
