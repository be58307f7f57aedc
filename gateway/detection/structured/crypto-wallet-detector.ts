import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";
import { isBase58CheckAddress, isBech32Address } from "./crypto-wallet-checksums.js";
import { textBefore } from "./surrounding-text.js";

const detectorId = "crypto-wallet-v1";

const base58Pattern = /(?<![\p{L}\p{N}_])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![\p{L}\p{N}_])/gu;
const bech32Pattern = /(?<![\p{L}\p{N}_])(?:bc1|tb1|BC1|TB1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}(?![\p{L}\p{N}_])/gu;
const ethereumPattern = /(?<![\p{L}\p{N}_])0x[0-9a-fA-F]{40}(?![\p{L}\p{N}_])/gu;
// 0x + 40 hex digits is also a contract, a storage slot or a truncated hash; a lower-case one
// counts only after a word about wallets or transfers.
const walletContext = /wallet|\beth\b|ether|ethereum|address|send|receive|deposit|withdraw|metamask|usdt|usdc|erc-?20|polygon|\bbsc\b|payout|pay to|transfer/;

/**
 * Cryptocurrency wallet addresses, checksummed where the format has one (Base58Check, bech32).
 * Reported as CRYPTO_WALLET, in the financial class: an account that money is sent to.
 */
export const cryptoWalletDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    for (const match of text.matchAll(base58Pattern)) {
      if (isBase58CheckAddress(match[0])) findings.push(createFinding(match.index, match.index + match[0].length, "CRYPTO_WALLET", 0.9, detectorId));
    }
    for (const match of text.matchAll(bech32Pattern)) {
      if (isBech32Address(match[0])) findings.push(createFinding(match.index, match.index + match[0].length, "CRYPTO_WALLET", 0.9, detectorId));
    }
    if (text.includes("0x")) {
      for (const match of text.matchAll(ethereumPattern)) {
        // EIP-55 mixed case is a checksum only wallets print; hashes come in one case.
        const mixedCase = /[a-f]/.test(match[0].slice(2)) && /[A-F]/.test(match[0]);
        const inContext = walletContext.test(textBefore(text, match.index, 48));
        if (mixedCase || inContext) findings.push(createFinding(match.index, match.index + match[0].length, "CRYPTO_WALLET", inContext ? 0.85 : 0.6, detectorId));
      }
    }
    return findings;
  },
};
