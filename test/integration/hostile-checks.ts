// The checks every answer of the hostile-input suite must pass: no 5xx, no stack trace or internal name in the body,
// no markup payload reflected unescaped into HTML; for an API operation, a status /openapi.json declares for it and
// problem+json (naming the fields of a 400 or 413). The contract check of ./contract.ts runs before these (callWorker).
import { expect } from "vitest";
import type { HostileRequest, Operation } from "./hostile-requests";
import { MARKUP_PAYLOADS } from "./hostile-values";

/** What no body may contain: stack frames, source paths, engine or database error names. */
const LEAKS: readonly RegExp[] = [
  /\n\s+at \S/,
  /\bat \S+ \(\S*:\d+:\d+\)/,
  /\.tsx?:\d/,
  /\.ts:/,
  /node_modules/,
  /D1_ERROR/,
  /SQLITE/i,
  /\b(Type|Reference|Range|Syntax|Internal)Error\b/,
  /\bsrc\/[a-z-]+\//,
  /\/work\//,
];

/**
 * Checks the answer to any request: no 5xx, no leak, no markup reflected raw into HTML. A 501 passes only where the
 * operation declares it (oEmbed answers an unsupported format with 501, as its specification says).
 */
export function expectSafe(where: string, res: Response, text: string, declares501 = false): void {
  if (!(declares501 && res.status === 501)) expect(res.status, `${where}: ${text.slice(0, 300)}`).toBeLessThan(500);
  for (const leak of LEAKS)
    expect(leak.test(text), `${where}: the body matches ${leak}: ${text.slice(0, 300)}`).toBe(false);
  if ((res.headers.get("content-type") ?? "").includes("text/html")) {
    for (const payload of MARKUP_PAYLOADS)
      expect(text.includes(payload), `${where}: reflects ${payload} unescaped`).toBe(false);
  }
}

/** Checks an API answer: safe, a declared status of the operation, problem+json naming the fields of a 400/413. */
export function expectDeclared(op: Operation, req: HostileRequest, res: Response, text: string): void {
  const where = `${req.method} ${req.path.slice(0, 200)} → ${res.status}`;
  expectSafe(where, res, text, op.statuses.has(501));
  const pattern = new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "[^/?#]+")}(\\?|$)`);
  if (!pattern.test(req.path)) return; // a raw traversal segment took the request to another address
  expect(op.statuses.has(res.status), `${where}: not declared (${[...op.statuses].join(", ")})`).toBe(true);
  if (res.status >= 400) {
    expect(res.headers.get("content-type"), where).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(text) as { status: number; errors?: { path: string; message: string }[] };
    expect(problem.status, where).toBe(res.status);
    if (res.status === 400 || res.status === 413)
      expect(problem.errors?.length, `${where}: no errors[]`).toBeGreaterThan(0);
  }
}
