import { SELF } from "cloudflare:test";

/** Fetches a path from the Worker under test. */
export function get(path: string, init?: RequestInit): Promise<Response> {
  return SELF.fetch(`https://example.test${path}`, init);
}

export async function getJson<T = unknown>(path: string): Promise<{ res: Response; body: T }> {
  const res = await get(path, { headers: { accept: "application/json" } });
  return { res, body: (await res.json()) as T };
}
