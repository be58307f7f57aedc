import type { Context } from "hono";
import type { z } from "zod";
import { GatewayError } from "../../shared/errors.js";
import { formatIssuePath } from "../../shared/issue-path.js";

/**
 * Reads and validates a JSON body. Requiring `application/json` also keeps out the "simple"
 * cross-site form posts a browser sends without asking.
 */
export async function readJsonBody<Schema extends z.ZodType>(context: Context, schema: Schema): Promise<z.infer<Schema>> {
  const contentType = context.req.header("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) throw new GatewayError("unsupported_media_type");
  let body: unknown;
  try {
    body = JSON.parse(await context.req.text());
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    if (error instanceof SyntaxError) throw new GatewayError("invalid_json");
    throw error;
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const param = issue ? formatIssuePath(issue.path) : "";
    const detail =
      issue?.code === "unrecognized_keys"
        ? `unsupported field(s) ${issue.keys.map((key) => `\`${key}\``).join(", ")}; Privacy Router refuses fields it does not understand rather than pass them on unscanned`
        : (issue?.message ?? "invalid");
    throw new GatewayError(issue?.code === "unrecognized_keys" ? "unsupported_parameter" : "invalid_request", {
      param: param || null,
      message: param ? `Invalid value at \`${param}\`: ${detail}.` : `Invalid request: ${detail}.`,
    });
  }
  return result.data;
}
