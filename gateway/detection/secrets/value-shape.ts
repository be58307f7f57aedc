import { hasCountingSequence } from "./counting-sequence.js";
import { isPlaceholderValue } from "./placeholder-value.js";
import { shannonEntropy } from "./shannon-entropy.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hexadecimal = /^[0-9a-f]+$/i;
const url = /^[a-z][a-z0-9+.-]*:\/\//i;
const filePath = /^(?:\/|\.{1,2}[/\\]|~[/\\]|[A-Za-z]:\\)/;
const emailAddress = /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/;
const version = /^v?\d+(?:\.\d+){1,3}(?:[-+][0-9A-Za-z.-]+)?$/;
const dateOrTime = /^\d{4}-\d{2}-\d{2}|^\d{1,2}:\d{2}/;
const numberLike = /^[\d.,:_+-]+$/;
// Words joined by separators (`my-api-key`, `org.example.Service`, `config.yaml`) and camelCase
// identifiers read as names, not as keys.
const joinedWords = /^[A-Za-z]+(?:[_.:/-][A-Za-z]+)*$/;
const camelCase = /^[a-z]+(?:[A-Z][a-z]+)+$|^(?:[A-Z][a-z]+){2,}$/;
const sentenceWords = /^[A-Za-z',.!?-]+$/;
// `#add-password`, `.login-form`: a CSS selector for the field, not its content.
const cssSelector = /^[#.][A-Za-z]+(?:[_-][A-Za-z]+)*$/;
const hexLiteral = /^0x[0-9a-f]+$/i;

// Literals that appear after a password-like name in code and configuration, but never as the password.
const nonValueWords = new Set([
  "true",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "null",
  "none",
  "nil",
  "undefined",
  "required",
  "optional",
  "string",
  "str",
  "text",
  "int",
  "integer",
  "number",
  "bool",
  "boolean",
  "bytes",
  "char",
  "any",
  "object",
  "secretstr",
  "securestring",
  "password",
  "hidden",
  "masked",
  "enabled",
  "disabled",
  "default",
  "prompt",
  "inherit",
  "include",
  "same-origin",
  "omit",
  "self",
  "this",
  "username",
  "user",
  "email",
  "function",
  "class",
  "new",
  "await",
  "async",
  "lambda",
  "typeof",
  "void",
  "return",
]);

interface CharacterClasses {
  lowercase: boolean;
  uppercase: boolean;
  digits: boolean;
  symbols: boolean;
}

function characterClasses(value: string): CharacterClasses {
  return {
    lowercase: /[a-z]/.test(value),
    uppercase: /[A-Z]/.test(value),
    digits: /\d/.test(value),
    symbols: /[^A-Za-z0-9]/.test(value),
  };
}

function classCount(classes: CharacterClasses): number {
  return Number(classes.lowercase) + Number(classes.uppercase) + Number(classes.digits) + Number(classes.symbols);
}

/** Shapes that are never secrets whatever name they sit beside: links, paths, addresses, versions, dates, words. */
export function isOrdinaryValue(value: string): boolean {
  return (
    url.test(value) ||
    filePath.test(value) ||
    emailAddress.test(value) ||
    version.test(value) ||
    dateOrTime.test(value) ||
    numberLike.test(value) ||
    joinedWords.test(value) ||
    camelCase.test(value)
  );
}

function isUuid(value: string): boolean {
  return uuid.test(value);
}

function isHexadecimal(value: string): boolean {
  return hexadecimal.test(value);
}

/**
 * A machine-made credential: long enough, from a mixed alphabet, with the spread of symbols
 * that random generation gives. Hex strings and UUIDs count only because the caller saw a
 * key-like name beside them; on their own they are hashes and identifiers.
 */
export function looksLikeSecretToken(value: string, minimumLength = 10): boolean {
  if (value.length < minimumLength || value.length > 4096 || /\s/.test(value)) return false;
  if (isOrdinaryValue(value) || isPlaceholderValue(value) || hasCountingSequence(value)) return false;
  if (isUuid(value)) return true;
  const entropy = shannonEntropy(value);
  if (isHexadecimal(value)) return value.length >= 16 && entropy >= 2.8;
  const classes = characterClasses(value);
  const count = classCount(classes);
  if (count < 2) return value.length >= 20 && entropy >= 3.5;
  if (!classes.digits && !classes.symbols) return value.length >= 20 && entropy >= 3.8;
  return entropy >= (value.length < 16 ? 2.8 : 3.0);
}

/** A stricter bar, for names that only hint at a credential (`login`, a vendor's name, a bare `key`). */
export function looksLikeStrongToken(value: string): boolean {
  if (!looksLikeSecretToken(value, 16)) return false;
  if (isUuid(value) || (isHexadecimal(value) && value.length >= 32)) return true;
  const classes = characterClasses(value);
  return classes.digits && (classes.lowercase || classes.uppercase) && shannonEntropy(value) >= 3.3;
}

/**
 * A password a person chose can be a plain word, so the bar is low: not a placeholder, not a
 * literal that code uses in that position, not a path, link or selector, not a sentence. Weak
 * defaults (`secret`, `admin`, `mypassword`) count: in a compose file or a test they are the
 * real password, and masking them costs little.
 */
export function looksLikePassword(value: string): boolean {
  if (value.length < 4 || value.length > 256) return false;
  if (isPlaceholderValue(value) || nonValueWords.has(value.toLowerCase())) return false;
  if (url.test(value) || filePath.test(value)) return false;
  if (cssSelector.test(value) || hexLiteral.test(value)) return false;
  const words = value.split(/\s+/);
  if (words.length >= 3 && words.every((word) => sentenceWords.test(word))) return false;
  return true;
}
