/**
 * Recognizes an unquoted value that is code rather than a literal: a member chain
 * (`request.form`, `env.DB_PASSWORD`, `$this->secret`), or a variable named after the secret it
 * holds (`password = dbPassword`). A bare word in an env or INI file is a literal; in code it is
 * a variable, which is why a declaration keyword at the start of the line matters.
 */
const memberChain = /^!?@?[A-Za-z_$][\w$]*(?:(?:\??\.|->|::)[A-Za-z_$][\w$]*)+\??$/;
// Member names are words, perhaps with a short number (`config.db2`); a dotted run of random
// characters (`be8dfd.da8a689a46edc282`) is a token that happens to contain dots.
const memberName = /^@?[A-Za-z_$][A-Za-z_$]*[0-9]{0,2}$/;
const identifier = /^@?[A-Za-z_][A-Za-z0-9_]*$/;
// `!ready`: a negated variable.
const negation = /^![A-Za-z_$]/;
const secretWord = /pass|pwd|secret|token|key|cred|auth/i;
const declaration = /^\s*(?:export\s+)?(?:const|let|var|val|final|private|public|protected|static|readonly|local|my|our|auto|String|string|char|int|def)\b/;

export function isCodeReference(value: string, literal: boolean, linePrefix: string): boolean {
  if (negation.test(value)) return true;
  if (memberChain.test(value) && value.replace(/^!|\?$/g, "").split(/\??\.|->|::/).every((part) => memberName.test(part))) return true;
  if (!identifier.test(value) || literal) return false;
  return secretWord.test(value) || declaration.test(linePrefix);
}
