/**
 * Wraps a pattern so that it matches only a whole token: not inside a longer word or number,
 * and not as one part of a dotted or dashed run (`1.2.3.4.5`, `12-34-56-78-90`). Candidates that
 * start mid-token are refused by the look-behind at once, which also keeps long runs linear.
 */
export function boundedPattern(source: string, flags = "gu"): RegExp {
  return new RegExp(String.raw`(?<![\p{L}\p{N}_\-./+])(?:${source})(?![\p{L}\p{N}_]|[\-./]\p{N})`, flags);
}
