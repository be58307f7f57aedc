import { keyFormat, tokenEnd, tokenEndWithDash, tokenStart, type KeyFormat } from "./key-format.js";

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Payment, commerce and shipping providers. */
export const paymentKeyFormats: readonly KeyFormat[] = [
  keyFormat(
    "stripe-secret-key",
    ["sk_live", "sk_test", "sk_prod", "rk_live", "rk_test", "rk_prod"],
    `${tokenStart}(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,247}${tokenEnd}`,
  ),
  keyFormat("stripe-webhook-secret", ["whsec_"], `${tokenStart}whsec_[A-Za-z0-9+/=]{32,}`),
  keyFormat("square-token", ["sq0"], `${tokenStart}(?:sandbox-)?sq0(?:atp|atb|csp)-[A-Za-z0-9_-]{22,43}${tokenEndWithDash}`),
  keyFormat("square-access-token", ["eaaa"], `${tokenStart}EAAA[A-Za-z0-9_-]{60}${tokenEndWithDash}`),
  keyFormat("braintree-access-token", ["access_token$"], String.raw`access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}`),
  keyFormat("flutterwave-secret-key", ["flwseck"], `${tokenStart}FLWSECK(?:_TEST)?-[a-h0-9]{32}-X${tokenEnd}`),
  keyFormat("shopify-token", ["shpat_", "shpca_", "shppa_", "shpss_"], `${tokenStart}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${tokenEnd}`),
  keyFormat(
    "plaid-access-token",
    ["access-sandbox", "access-development", "access-production"],
    `${tokenStart}access-(?:sandbox|development|production)-${uuid}${tokenEndWithDash}`,
  ),
  keyFormat("shippo-token", ["shippo_"], `${tokenStart}shippo_(?:live|test)_[a-fA-F0-9]{40}${tokenEnd}`),
  keyFormat("duffel-token", ["duffel_"], `${tokenStart}duffel_(?:test|live)_[A-Za-z0-9_=-]{43}`),
  keyFormat("easypost-key", ["ezak", "eztk"], `${tokenStart}EZ[AT]K[A-Za-z0-9]{54}${tokenEnd}`),
];
