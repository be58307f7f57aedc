import type { Hono } from "hono";
import { tokenCreateBodySchema, type TokenCreated, type TokenList } from "../../../shared/admin-api.js";
import { GatewayError } from "../../../shared/errors.js";
import { ClientTokenError } from "../../auth/client-tokens.js";
import type { GatewayEnv } from "../gateway-env.js";
import { readJsonBody } from "../read-json-body.js";
import type { AdminDependencies } from "./admin.js";

/** Client tokens: names and dates only; a token's value is in the one answer that creates it. */
export function registerAdminTokenRoutes(app: Hono<GatewayEnv>, dependencies: AdminDependencies): void {
  app.get("/admin/v1/tokens", (context) => {
    const list: TokenList = { tokens: dependencies.tokens.list() };
    return context.json(list);
  });
  app.post("/admin/v1/tokens", async (context) => {
    const { name, admin } = await readJsonBody(context, tokenCreateBodySchema);
    let token: string;
    try {
      token = dependencies.tokens.create(name, { admin: admin ?? false });
    } catch (error) {
      if (error instanceof ClientTokenError) throw new GatewayError("conflict", { param: "name", message: `${error.message}.` });
      throw error;
    }
    const created: TokenCreated = { name, admin: admin ?? false, token };
    context.header("cache-control", "no-store");
    return context.json(created, 201);
  });
  app.delete("/admin/v1/tokens/:name", (context) => {
    if (!dependencies.tokens.revoke(context.req.param("name"))) throw new GatewayError("not_found", { message: "No live token has that name." });
    return context.body(null, 204);
  });
}
