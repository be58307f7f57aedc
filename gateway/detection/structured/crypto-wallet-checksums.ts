import { createHash } from "node:crypto";

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

function base58Decode(value: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (const character of value) {
    let carry = base58Alphabet.indexOf(character);
    if (carry < 0) return undefined;
    for (let index = 0; index < bytes.length; index++) {
      carry += (bytes[index] ?? 0) * 58;
      bytes[index] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (const character of value) {
    if (character !== "1") break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

/** A legacy Bitcoin address: version byte 0x00 (P2PKH) or 0x05 (P2SH), and a double-SHA-256 checksum. */
export function isBase58CheckAddress(address: string): boolean {
  const bytes = base58Decode(address);
  if (bytes?.length !== 25 || (bytes[0] !== 0x00 && bytes[0] !== 0x05)) return false;
  const payload = bytes.subarray(0, 21);
  const once = createHash("sha256").update(payload).digest();
  const twice = createHash("sha256").update(once).digest();
  return twice.subarray(0, 4).equals(bytes.subarray(21));
}

const bech32Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const bech32Generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function bech32Polymod(values: readonly number[]): number {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let bit = 0; bit < 5; bit++) if ((top >>> bit) & 1) checksum ^= bech32Generators[bit] ?? 0;
  }
  return checksum >>> 0;
}

/** A SegWit address (BIP 173 bech32 or BIP 350 bech32m): the checksum over the expanded human part and data. */
export function isBech32Address(address: string): boolean {
  const lower = address.toLowerCase();
  if (lower !== address && address.toUpperCase() !== address) return false;
  const separator = lower.lastIndexOf("1");
  if (separator < 1 || lower.length - separator < 7) return false;
  const humanPart = lower.slice(0, separator);
  const data: number[] = [];
  for (const character of lower.slice(separator + 1)) {
    const value = bech32Alphabet.indexOf(character);
    if (value < 0) return false;
    data.push(value);
  }
  const expanded = [...Array.from(humanPart, (character) => character.charCodeAt(0) >> 5), 0, ...Array.from(humanPart, (character) => character.charCodeAt(0) & 31)];
  const checksum = bech32Polymod([...expanded, ...data]);
  return checksum === 1 || checksum === 0x2bc830a3;
}
