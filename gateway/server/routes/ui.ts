import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context, Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { sessionFragmentKey } from "../../../shared/admin-api.js";
import { GatewayError } from "../../../shared/errors.js";
import { provenanceHeaders } from "../../../shared/provenance.js";
import type { AdminSessions } from "../../auth/admin-sessions.js";
import type { LoginTokenStore } from "../../auth/login-tokens.js";
import type { GatewayEnv } from "../gateway-env.js";
import { sessionCookieName } from "../middleware/admin-auth.js";

export interface UiRouteOptions {
  /** The built renderer (`dist/renderer`); undefined or missing: `/` says how to build it. */
  directory: string | undefined;
  sessions: AdminSessions;
  loginTokens: LoginTokenStore;
  port: () => number;
}

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** Files Vite copies from `public/` to the top level (icons, a manifest). */
const topLevelFilePattern = /\.(?:svg|png|ico|txt|webmanifest)$/;

/** Plain file names only: no slashes, no dot-dot, nothing hidden. */
const fileNamePattern = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

/** `dist/renderer` of this package, found from this module's own place (source or built). */
export function defaultRendererDirectory(): string | undefined {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    if (existsSync(join(directory, "package.json"))) return join(directory, "dist", "renderer");
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return undefined;
}

/**
 * The UI and the way in: `/` (index.html), `/assets/*` (Vite's hashed files, cached for good),
 * a few top-level files, and `GET /login?token=`, which trades a one-time token for a session
 * (an HttpOnly cookie, and a page secret in the fragment of the redirect to `/#session=…`), so
 * the token leaves the address bar and history.
 * Static files need no session; every data call under `/admin` does.
 */
export function registerUiRoutes(app: Hono<GatewayEnv>, options: UiRouteOptions): void {
  app.get("/login", (context) => {
    answeredHere(context);
    context.header("cache-control", "no-store");
    const token = context.req.query("token") ?? "";
    const result = options.loginTokens.consume(token);
    if (!result.ok) {
      const why = result.refusal === "expired" ? "This sign-in link has expired (links work for 5 minutes)." : "This sign-in link is not valid, or it was already used (each link works once).";
      return context.html(page("Sign-in link not valid", `<p>${why}</p><p>Run <code>privacy-router login</code> in a terminal on this machine and open the new link it prints.</p>`), result.refusal === "expired" ? 410 : 400);
    }
    const session = options.sessions.create();
    setCookie(context, sessionCookieName(options.port()), session.cookieId, { httpOnly: true, sameSite: "Strict", path: "/" });
    // The page secret rides in the fragment, which no browser sends to any server; the page
    // moves it into its own sessionStorage and wipes it from the address bar at once.
    context.header("location", `/#${sessionFragmentKey}=${session.pageSecret}`);
    return context.body(null, 303);
  });

  app.get("/", (context) => serveIndex(context, options.directory));
  app.get("/index.html", (context) => serveIndex(context, options.directory));
  app.get("/assets/:name", (context) => serveFile(context, options.directory, join("assets", context.req.param("name")), "public, max-age=31536000, immutable"));
  app.get("/:name{[^/]+\\.[A-Za-z0-9]+}", (context) => {
    const name = context.req.param("name");
    if (!topLevelFilePattern.test(name)) return notFound();
    return serveFile(context, options.directory, name, "no-cache");
  });
}

/** Clears the session cookie on logout. */
export function clearSessionCookie(context: Context<GatewayEnv>, port: number): void {
  deleteCookie(context, sessionCookieName(port), { path: "/", httpOnly: true, sameSite: "Strict" });
}

function answeredHere(context: Context<GatewayEnv>): void {
  context.header(provenanceHeaders.route, "local");
}

function serveIndex(context: Context<GatewayEnv>, directory: string | undefined): Response {
  answeredHere(context);
  const path = directory === undefined ? undefined : join(directory, "index.html");
  if (path === undefined || !existsSync(path)) {
    context.header("cache-control", "no-store");
    return context.html(
      page(
        "The UI is not built",
        "<p>The gateway is running, but the UI has not been built in this checkout.</p><p>Build it with <code>npm run build</code>, then reload this page. The OpenAI-compatible endpoint under <code>/v1</code> works without it.</p>",
      ),
      503,
    );
  }
  context.header("cache-control", "no-cache");
  return context.html(readFileSync(path, "utf8"));
}

function serveFile(context: Context<GatewayEnv>, directory: string | undefined, relativePath: string, cacheControl: string): Response {
  answeredHere(context);
  const name = relativePath.split(/[\\/]/).pop() ?? "";
  const extension = /\.[A-Za-z0-9]+$/.exec(name)?.[0]?.toLowerCase() ?? "";
  const type = contentTypes[extension];
  if (directory === undefined || !fileNamePattern.test(name) || type === undefined) return notFound();
  const root = resolve(directory);
  const path = resolve(root, relativePath);
  if (!path.startsWith(`${root}/`) && !path.startsWith(`${root}\\`)) return notFound();
  let body: Buffer;
  try {
    if (!statSync(path).isFile()) return notFound();
    body = readFileSync(path);
  } catch {
    return notFound();
  }
  context.header("content-type", type);
  context.header("cache-control", cacheControl);
  return context.body(new Uint8Array(body), 200);
}

function notFound(): never {
  throw new GatewayError("not_found");
}

/** A small self-contained page (no script, no style: the CSP allows neither inline). */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Privacy Router</title></head><body><h1>${title}</h1>${body}</body></html>`;
}
