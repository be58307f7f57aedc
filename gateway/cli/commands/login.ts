import { join } from "node:path";
import { parseArgs } from "node:util";
import { loginTokenLifetimeSeconds } from "../../../shared/admin-api.js";
import { LoginTokenStore } from "../../auth/login-tokens.js";
import { databaseFileName, openDatabase } from "../../audit/open-database.js";
import { readGatewayAddress } from "../../server/gateway-address-file.js";
import { writeLine } from "../cli-io.js";
import { UsageError, type CommandContext } from "../command-context.js";

export const loginUsage = "usage: privacy-router login [--json]   print a one-time sign-in URL for the running gateway's UI";

/**
 * `privacy-router login`: a fresh one-time UI sign-in URL for the gateway running on this data
 * directory. The token goes into the shared database as a hash only; the gateway uses it up when
 * the URL is opened. Only someone who can run commands as this user (and so read the data
 * directory) can sign in.
 */
export async function runLoginCommand(argv: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``);
  const { stdout, stderr } = context.io;
  const address = readGatewayAddress(context.dataDir);
  if (!address) {
    writeLine(stderr, `privacy-router: no gateway is running on the data directory ${context.dataDir}; start one with \`privacy-router serve\` (it prints a sign-in link itself)`);
    return 1;
  }
  const database = openDatabase(join(context.dataDir, databaseFileName));
  let token: string;
  try {
    token = new LoginTokenStore(database).create();
  } finally {
    database.close();
  }
  const url = `${address.url}/login?token=${token}`;
  if (values.json) {
    writeLine(stdout, JSON.stringify({ url, expiresInSeconds: loginTokenLifetimeSeconds }));
  } else {
    writeLine(stdout, url);
    writeLine(stderr, `Open this link in a browser on this machine within ${loginTokenLifetimeSeconds / 60} minutes; it works once.`);
  }
  return 0;
}
