/**
 * How much an address says about someone. Loopback and unspecified addresses name no machine
 * but "this one" and are everywhere in developer text, so they are not findings. Private and
 * link-local ones still map an internal network (kept, lower score); documentation, multicast
 * and reserved ranges are examples or groups (kept, lowest score); anything else is public.
 */
export type IpAddressKind = "not-an-identifier" | "documentation" | "private" | "public";

const netmaskOctets = new Set([0, 128, 192, 224, 240, 248, 252, 254, 255]);

export function ipv4AddressKind(octets: readonly number[]): IpAddressKind {
  const [first = 0, second = 0, third = 0] = octets;
  if (first === 0 || first === 127 || octets.every((octet) => octet === 255)) return "not-an-identifier";
  // 255.255.255.0 and friends are subnet masks, not addresses.
  if (first === 255 && octets.every((octet) => netmaskOctets.has(octet))) return "not-an-identifier";
  // Multicast and reserved space names no single host, but is kept at the lowest score.
  if (first >= 224) return "documentation";
  if ((first === 192 && second === 0 && third === 2) || (first === 198 && second === 51 && third === 100) || (first === 203 && second === 0 && third === 113)) {
    return "documentation";
  }
  if (first === 10 || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168) || (first === 169 && second === 254)) {
    return "private";
  }
  if (first === 100 && second >= 64 && second <= 127) return "private";
  return "public";
}

export function ipv6AddressKind(address: string): IpAddressKind {
  const lower = address.toLowerCase();
  if (lower === "::" || lower === "::1" || /^0{0,4}(?::0{0,4}){6}:0{0,3}[01]$/.test(lower)) return "not-an-identifier";
  if (lower.startsWith("2001:db8:") || lower.startsWith("2001:0db8:")) return "documentation";
  if (/^f[cd][0-9a-f]{0,2}:/.test(lower) || /^fe[89ab][0-9a-f]?:/.test(lower)) return "private";
  if (/^ff[0-9a-f]{0,2}:/.test(lower)) return "not-an-identifier";
  return "public";
}

export const scoreByKind: Readonly<Record<Exclude<IpAddressKind, "not-an-identifier">, number>> = {
  public: 0.85,
  private: 0.5,
  documentation: 0.3,
};
