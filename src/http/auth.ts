/**
 * Bearer tokens for the write and review routes. The Worker secret API_TOKENS holds a JSON array of
 * `{ "label": "...", "token": "...", "scope": "write" | "review" }`; a request sends `Authorization: Bearer <token>`.
 * The label is who a revision names; the token itself is never stored or shown.
 *
 * Tokens are compared in constant time: the presented token and every configured one are hashed (SHA-256), and the
 * 32-byte digests are compared with a fixed-length XOR loop over all configured tokens, with no early exit, so the
 * time taken says nothing about how much of a token was right, nor about its length.
 */
import type { Context } from "hono";
import * as z from "zod/mini";
import "../domain/zod-locale";
import type { AppEnv } from "../env";
import { ProblemError } from "./problem";

export const tokenScopes = ["write", "review"] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** Who a request was authorised as. */
export interface TokenHolder {
  label: string;
  scope: TokenScope;
}

const tokenListSchema = z
  .array(
    z.strictObject({
      label: z.string().check(z.minLength(1), z.maxLength(100)),
      token: z.string().check(z.minLength(16, "must be at least 16 characters")),
      scope: z.enum(tokenScopes),
    }),
  )
  .check(z.minLength(1));

interface HashedToken extends TokenHolder {
  digest: Uint8Array;
}

/** The realm the WWW-Authenticate challenge names. */
export const AUTH_REALM = "integrative-evidence";

const CHALLENGE = { "www-authenticate": `Bearer realm="${AUTH_REALM}"` };

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

/** True when two 32-byte digests are equal; always looks at every byte. */
function digestsEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < 32; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

// Parsed and hashed once per value of the secret (a Worker isolate sees one value; tests may set others).
let cached: { source: string; tokens: Promise<HashedToken[]> } | undefined;

function misconfigured(reason: string): ProblemError {
  // A server problem, not the client's: named so an operator can fix it, without the secret's content.
  return new ProblemError(503, `Writing is not available: the API_TOKENS variable ${reason}.`);
}

/** The configured tokens, hashed; a 503 problem naming API_TOKENS when it is unset or malformed. */
async function configuredTokens(source: string | undefined): Promise<HashedToken[]> {
  if (source === undefined || source.trim() === "") throw misconfigured("is not set");
  if (cached?.source !== source) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      throw misconfigured("is not valid JSON");
    }
    const checked = tokenListSchema.safeParse(parsed);
    if (!checked.success) {
      const where = checked.error.issues.map((i) => `${i.path.join(".") || "the list"} ${i.message}`).join("; ");
      throw misconfigured(`must be a JSON array of { label, token, scope: "write" | "review" } (${where})`);
    }
    const entries = checked.data;
    cached = {
      source,
      tokens: Promise.all(
        entries.map(async (t) => ({ label: t.label, scope: t.scope, digest: await sha256(t.token) })),
      ),
    };
  }
  return cached.tokens;
}

/** The holder of the presented token, or null when it matches none (checked against every token, in constant time). */
export async function identify(source: string | undefined, presented: string): Promise<TokenHolder | null> {
  const tokens = await configuredTokens(source);
  const digest = await sha256(presented);
  let found: TokenHolder | null = null;
  for (const token of tokens) {
    const equal = digestsEqual(digest, token.digest);
    if (equal && !found) found = { label: token.label, scope: token.scope };
  }
  return found;
}

/**
 * The holder of the request's bearer token when it has `scope`: 401 (with WWW-Authenticate) for a missing or unknown
 * token, 403 for a token of another scope, 503 when API_TOKENS is unset or malformed. Call it first in a handler.
 */
export async function requireScope(c: Context<AppEnv>, scope: TokenScope): Promise<TokenHolder> {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  // Configuration is checked first, so an operator sees a 503 rather than every client seeing a 401.
  await configuredTokens(c.env.API_TOKENS);
  if (!match?.[1]) {
    throw new ProblemError(401, "Send a token: Authorization: Bearer <token>.", [], { headers: CHALLENGE });
  }
  const holder = await identify(c.env.API_TOKENS, match[1]);
  if (!holder) {
    throw new ProblemError(401, "The token is not one this server knows.", [], {
      headers: { "www-authenticate": `Bearer realm="${AUTH_REALM}", error="invalid_token"` },
    });
  }
  if (holder.scope !== scope) {
    throw new ProblemError(403, `This needs a token with the "${scope}" scope; yours has "${holder.scope}".`);
  }
  return holder;
}

/** The responses every route that calls `requireScope` can answer with, for its declaration. */
export const authResponses: Record<number, { description: string }> = {
  401: { description: "No token, or a token this server does not know (see WWW-Authenticate)" },
  403: { description: "The token lacks the scope this route needs" },
  503: { description: "API_TOKENS is unset or malformed on the server" },
};
