import { parseArgs } from "node:util";
import { ClientTokenError, ClientTokenStore } from "../../auth/client-tokens.js";
import { databaseFileName, openDatabase } from "../../audit/open-database.js";
import { join } from "node:path";
import { writeLine } from "../cli-io.js";
import { UsageError, type CommandContext } from "../command-context.js";

export const tokensUsage = [
  "usage: privacy-router tokens create <name> [--admin] [--json]   make a client token (shown once)",
  "       privacy-router tokens list                              names, roles and dates (never tokens)",
  "       privacy-router tokens revoke <name>                     stop a token from working at once",
].join("\n");

/** `privacy-router tokens create|list|revoke`: client tokens, stored only as hashes. */
export async function runTokensCommand(argv: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { admin: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
  });
  const [action, name, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError("too many arguments");
  const database = openDatabase(join(context.dataDir, databaseFileName));
  try {
    const store = new ClientTokenStore(database);
    const { stdout, stderr } = context.io;
    switch (action) {
      case "create": {
        if (!name) throw new UsageError("tokens create needs a name");
        let token: string;
        try {
          token = store.create(name, { admin: values.admin });
        } catch (error) {
          if (error instanceof ClientTokenError) {
            writeLine(stderr, `privacy-router: ${error.message}`);
            return 1;
          }
          throw error;
        }
        if (values.json) writeLine(stdout, JSON.stringify({ name, token }));
        else {
          writeLine(stdout, token);
          writeLine(stderr, `Created ${values.admin ? "admin " : ""}token \`${name}\`. It is shown only now; store it in your tool's settings.`);
        }
        return 0;
      }
      case "list": {
        const tokens = store.list();
        if (values.json) writeLine(stdout, JSON.stringify(tokens));
        else if (tokens.length === 0) writeLine(stdout, "no client tokens yet; `privacy-router tokens create <name>` makes one");
        else {
          for (const token of tokens) {
            const state = token.revokedAt ? `revoked ${token.revokedAt}` : "active";
            writeLine(stdout, `${token.name}\t${token.admin ? "admin" : "client"}\tcreated ${token.createdAt}\t${state}`);
          }
        }
        return 0;
      }
      case "revoke": {
        if (!name) throw new UsageError("tokens revoke needs a name");
        if (!store.revoke(name)) {
          writeLine(stderr, `privacy-router: no active token named \`${name}\``);
          return 1;
        }
        writeLine(stdout, `revoked \`${name}\``);
        return 0;
      }
      default:
        throw new UsageError(action ? `unknown tokens action \`${action}\`` : "tokens needs an action");
    }
  } finally {
    database.close();
  }
}
