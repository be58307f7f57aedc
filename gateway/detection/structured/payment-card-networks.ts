/**
 * Issuer ranges (IIN prefixes) and the lengths each network issues. A number must fall in one of
 * these to count as a card: Luhn alone passes one random number in ten.
 */
interface PaymentCardNetwork {
  readonly name: string;
  /** Inclusive prefix ranges, compared on the same number of leading digits as their bounds. */
  readonly ranges: ReadonlyArray<readonly [string, string]>;
  readonly lengths: readonly number[];
  /** Widely issued, so a well-formed number counts without a "card" keyword. */
  readonly major: boolean;
}

const networks: readonly PaymentCardNetwork[] = [
  { name: "visa", ranges: [["4", "4"]], lengths: [13, 16, 19], major: true },
  { name: "mastercard", ranges: [["51", "55"], ["2221", "2720"]], lengths: [16], major: true },
  { name: "american-express", ranges: [["34", "34"], ["37", "37"]], lengths: [15], major: true },
  { name: "discover", ranges: [["6011", "6011"], ["644", "649"], ["65", "65"], ["622126", "622925"]], lengths: [16, 17, 18, 19], major: true },
  { name: "diners-club", ranges: [["300", "305"], ["3095", "3095"], ["36", "36"], ["38", "39"]], lengths: [14, 15, 16, 17, 18, 19], major: true },
  { name: "jcb", ranges: [["3528", "3589"]], lengths: [16, 17, 18, 19], major: true },
  // JCB's and UATP's older 15-digit ranges.
  { name: "jcb-legacy", ranges: [["1800", "1800"], ["2131", "2131"]], lengths: [15], major: false },
  { name: "uatp", ranges: [["1", "1"]], lengths: [15], major: false },
  { name: "unionpay", ranges: [["62", "62"], ["81", "81"]], lengths: [16, 17, 18, 19], major: true },
  { name: "maestro", ranges: [["50", "50"], ["56", "69"], ["0604", "0604"]], lengths: [12, 13, 14, 15, 16, 17, 18, 19], major: false },
  { name: "mir", ranges: [["2200", "2204"]], lengths: [16, 17, 18, 19], major: true },
  { name: "rupay", ranges: [["60", "60"], ["508", "508"], ["82", "82"]], lengths: [16], major: false },
  { name: "troy", ranges: [["9792", "9792"]], lengths: [16], major: false },
];

export interface PaymentCardIssuer {
  readonly network: string;
  readonly major: boolean;
}

/** The network whose ranges and lengths fit the digits, preferring major networks; undefined when none does. */
export function paymentCardIssuer(digits: string): PaymentCardIssuer | undefined {
  let found: PaymentCardIssuer | undefined;
  for (const network of networks) {
    if (!network.lengths.includes(digits.length)) continue;
    const inRange = network.ranges.some(([low, high]) => {
      const prefix = digits.slice(0, low.length);
      return prefix >= low && prefix <= high;
    });
    if (!inRange) continue;
    if (network.major) return { network: network.name, major: true };
    found ??= { network: network.name, major: false };
  }
  return found;
}
