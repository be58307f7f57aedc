import type { Detector } from "../detector.js";
import { cloudResourceDetector } from "./cloud-resource-detector.js";
import { cryptoWalletDetector } from "./crypto-wallet-detector.js";
import { dateOfBirthDetector } from "./date-of-birth-detector.js";
import { emailDetector } from "./email-detector.js";
import { ibanDetector } from "./iban-detector.js";
import { ipAddressDetector } from "./ip-address-detector.js";
import { labelledIdentifierDetector } from "./labelled-identifier-detector.js";
import { macAddressDetector } from "./mac-address-detector.js";
import { nationalIdentifierDetector } from "./national-identifier-detector.js";
import { paymentCardDetector } from "./payment-card-detector.js";
import { phoneDetector } from "./phone-detector.js";
import { urlDetector } from "./url-detector.js";

/**
 * Structured identifiers, each with its validator where one exists. In priority order for equal
 * spans and scores: checksummed formats first, then context-bound ones, then URLs.
 */
export const structuredDetectors: readonly Detector[] = [
  emailDetector,
  ibanDetector,
  paymentCardDetector,
  nationalIdentifierDetector,
  labelledIdentifierDetector,
  dateOfBirthDetector,
  phoneDetector,
  ipAddressDetector,
  macAddressDetector,
  cryptoWalletDetector,
  cloudResourceDetector,
  urlDetector,
];
