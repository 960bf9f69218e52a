import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MAX_JSON_BODY_BYTES } from "../../src/http/validate";
import { get } from "./helpers";
import { CONTACT, formFields, proposedRecord } from "./submission-fixtures";

type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };

let client = 0;
/** A fresh client address for each test, so one test's attempts never count against another's limit. */
function newClient(): string {
  client += 1;
  return `198.51.100.${client}`;
}

function postJson(body: unknown, ip: string): Promise<Response> {
  return get("/api/v1/submissions", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
  });
}

function postForm(fields: URLSearchParams, ip: string): Promise<Response> {
  return get("/submit", {
    method: "POST",
    body: fields.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": ip },
  });
}

async function stored(slug: string) {
  return env.DB.prepare("SELECT * FROM submissions WHERE slug = ?1").bind(slug).all<Record<string, unknown>>();
}

describe("POST /api/v1/submissions", () => {
  it("stores a valid proposal as pending with its contact details, and answers with a receipt without them", async () => {
    const res = await postJson({ case_study: proposedRecord("sub-api-valid"), contact: CONTACT }, newClient());
    expect(res.status).toBe(202);
    const text = await res.text();
    for (const value of Object.values(CONTACT)) expect(text).not.toContain(value);
    const receipt = JSON.parse(text);
    expect(receipt).toMatchObject({ status: "pending", title: proposedRecord("x").title });
    expect(receipt.id).toMatch(/^[0-9a-f]{16}$/);
    const { results } = await stored("sub-api-valid");
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      id: receipt.id,
      status: "pending",
      contact_name: CONTACT.name,
      contact_email: CONTACT.email,
      contact_organisation: CONTACT.organisation,
    });
    // The record is stored as a draft, exactly as checked.
    expect(JSON.parse(String(results[0]?.record_json))).toMatchObject({ slug: "sub-api-valid", status: "draft" });
  });

  it("names every bad field of the record and the contact in one 400, and stores nothing", async () => {
    const record: Record<string, unknown> = { ...proposedRecord("sub-api-invalid"), title: "no" };
    record.outcomes = [{ ...proposedRecord("x").outcomes[0], value: "twelve" }];
    const res = await postJson({ case_study: record, contact: { name: "", email: "not an address" } }, newClient());
    expect(res.status).toBe(400);
    const body = (await res.json()) as Problem;
    expect(body.errors?.map((e) => e.path).sort()).toEqual([
      "case_study.outcomes[0].value",
      "case_study.title",
      "contact.email",
      "contact.name",
    ]);
    expect((await stored("sub-api-invalid")).results).toHaveLength(0);
  });

  it("refuses a proposal that asks to be published (a reviewer decides) and one that authors a derived field", async () => {
    const res = await postJson(
      {
        case_study: { ...proposedRecord("sub-api-published"), status: "published", evidence_grade: "A" },
        contact: CONTACT,
      },
      newClient(),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as Problem;
    expect(body.errors?.map((e) => e.path).sort()).toEqual(["case_study.evidence_grade", "case_study.status"]);
  });

  it("refuses unknown fields, a missing record and missing contact details", async () => {
    const res = await postJson({ extra: 1 }, newClient());
    const body = (await res.json()) as Problem;
    expect(res.status).toBe(400);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(["case_study", "contact", "extra"]);
  });

  it("enforces the field lengths of the contact details", async () => {
    const long = { ...CONTACT, name: "x".repeat(201), organisation: "y".repeat(201) };
    const res = await postJson({ case_study: proposedRecord("sub-api-long"), contact: long }, newClient());
    const body = (await res.json()) as Problem;
    expect(res.status).toBe(400);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(["contact.name", "contact.organisation"]);
  });

  it("answers a filled honeypot as received, with a receipt of the same shape, and stores nothing", async () => {
    const res = await postJson(
      { case_study: proposedRecord("sub-api-trap"), contact: CONTACT, website: "http://spam.example" },
      newClient(),
    );
    expect(res.status).toBe(202);
    const receipt = (await res.json()) as { id: string; status: string };
    expect(receipt.status).toBe("pending");
    expect(receipt.id).toMatch(/^[0-9a-f]{16}$/);
    expect((await stored("sub-api-trap")).results).toHaveLength(0);
    const byId = await env.DB.prepare("SELECT count(*) AS n FROM submissions WHERE id = ?1").bind(receipt.id).first();
    expect(byId).toEqual({ n: 0 });
  });

  it("refuses a body over 64 KiB with 413 and a wrong content type with 415", async () => {
    const big = {
      case_study: { ...proposedRecord("sub-api-big"), body: "x".repeat(MAX_JSON_BODY_BYTES) },
      contact: CONTACT,
    };
    expect((await postJson(big, newClient())).status).toBe(413);
    const res = await get("/api/v1/submissions", {
      method: "POST",
      body: "a=1",
      headers: { "content-type": "text/plain", "cf-connecting-ip": newClient() },
    });
    expect(res.status).toBe(415);
    expect((await stored("sub-api-big")).results).toHaveLength(0);
  });
});

describe("the per-client rate limit", () => {
  // The binding counts in fixed windows of 60 s; a window may end during the test, so the test sends until it is
  // limited (at most two windows' worth) rather than expecting the 429 at an exact count.
  const LIMIT = 10;

  it("answers 429 problem+json with Retry-After once a client passes the limit, and counts other clients apart", async () => {
    const ip = newClient();
    let limited: Response | undefined;
    let accepted = 0;
    for (let i = 0; i < 2 * LIMIT + 1 && !limited; i++) {
      const res = await postJson({}, ip); // invalid bodies count too
      if (res.status === 429) limited = res;
      else {
        expect(res.status).toBe(400);
        accepted += 1;
        await res.arrayBuffer();
      }
    }
    expect(limited?.status).toBe(429);
    expect(accepted).toBeGreaterThanOrEqual(LIMIT);
    expect(limited?.headers.get("retry-after")).toBe("60");
    expect(limited?.headers.get("content-type")).toContain("application/problem+json");
    expect(((await (limited as Response).json()) as Problem).detail).toMatch(/wait 60 seconds/);
    // A valid submission from the limited client is refused too, and nothing is stored.
    const again = await postJson({ case_study: proposedRecord("sub-limited"), contact: CONTACT }, ip);
    expect(again.status).toBe(429);
    expect((await stored("sub-limited")).results).toHaveLength(0);
    // Another address is not limited.
    expect((await postJson({}, newClient())).status).toBe(400);
  });

  it("shows the form again, as typed, with a readable message and Retry-After when the form is limited", async () => {
    const ip = newClient();
    let limited: Response | undefined;
    for (let i = 0; i < 2 * LIMIT + 1 && !limited; i++) {
      const res = await postForm(new URLSearchParams([["action", "submit"]]), ip);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get("retry-after")).toBe("60");
    const res = await postForm(formFields("sub-form-limited"), ip);
    expect(res.status).toBe(429);
    const html = await res.text();
    expect(html).toContain("Too many submissions from your address");
    expect(html).toContain('value="County employer acupuncture benefit for back pain"');
    expect((await stored("sub-form-limited")).results).toHaveLength(0);
  });
});

describe("the /submit form", () => {
  it("labels every input and gives each field its help", async () => {
    const res = await get("/submit");
    expect(res.status).toBe(200);
    const html = await res.text();
    const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(60);
    for (const id of ids) expect(html, id).toContain(`for="${id}"`);
    for (const id of ids.filter((i) => !i?.includes("payer_types-") && i !== "f-website")) {
      expect(html, id).toMatch(new RegExp(`id="${id}-help"|id="${(id ?? "").replace(/-[a-z_]+$/, "")}-help"`));
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it("shows each of the check's errors beside its field, with the API's words, keeping what was typed", async () => {
    const fields = formFields("sub-form-invalid");
    fields.set("case_study.title", "no");
    fields.set("case_study.outcomes[0].value", "twelve");
    fields.set("contact.email", "not an address");
    fields.delete("case_study.payer_types");
    const res = await postForm(fields, newClient());
    expect(res.status).toBe(400);
    const html = await res.text();
    // The API, sent the same submission, names the same fields with the same messages.
    const record = { ...proposedRecord("sub-form-invalid"), title: "no", payer_types: [] };
    record.outcomes = [
      { ...(record.outcomes[0] as (typeof record.outcomes)[0]), value: "twelve" as unknown as number },
    ];
    const api = (await (
      await postJson({ case_study: record, contact: { ...CONTACT, email: "not an address" } }, newClient())
    ).json()) as Problem;
    expect(api.errors?.length).toBe(4);
    const ids: Record<string, string> = {
      "case_study.title": "f-case_study-title",
      "case_study.outcomes[0].value": "f-case_study-outcomes-0-value",
      "contact.email": "f-contact-email",
      "case_study.payer_types": "f-case_study-payer_types",
    };
    for (const error of api.errors ?? []) {
      const id = ids[error.path];
      expect(id, error.path).toBeDefined();
      const escaped = error.message.replace(/'/g, "&#39;").replace(/>/g, "&gt;");
      expect(html).toContain(`<p class="field-error" id="${id}-err">${escaped}</p>`);
    }
    expect(html).toContain('value="twelve"');
    expect(html).toContain('value="not an address"');
    expect(html).toContain("There are 4 problems with the submission");
    expect((await stored("sub-form-invalid")).results).toHaveLength(0);
  });

  it("adds a row without JavaScript: 'Add another outcome' shows the form again one row longer, nothing checked or stored", async () => {
    const fields = formFields("sub-form-rows");
    fields.set("action", "add-outcomes");
    const res = await postForm(fields, newClient());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="outcomes_rows" value="3"');
    expect(html).toContain('id="f-case_study-outcomes-2-metric"');
    expect(html).toContain('value="County employer acupuncture benefit for back pain"');
    expect(html).not.toContain("field-error");
    expect((await stored("sub-form-rows")).results).toHaveLength(0);
  });

  it("stores a valid form submission (empty rows left out) and shows a receipt without the contact details", async () => {
    const res = await postForm(formFields("sub-form-valid", [["action", "submit"]]), newClient());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("your submission was received");
    for (const value of Object.values(CONTACT)) expect(html).not.toContain(value);
    const { results } = await stored("sub-form-valid");
    expect(results).toHaveLength(1);
    expect(html).toContain(String(results[0]?.id));
    // The form and the API store the same record for the same proposal.
    expect(JSON.parse(String(results[0]?.record_json))).toEqual({
      ...proposedRecord("sub-form-valid"),
      status: "draft",
      tags: [],
    });
  });

  it("answers a filled honeypot as received and stores nothing", async () => {
    const fields = formFields("sub-form-trap");
    fields.set("website", "http://spam.example");
    const res = await postForm(fields, newClient());
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("your submission was received");
    expect((await stored("sub-form-trap")).results).toHaveLength(0);
  });

  it("answers a form over 64 KiB with a readable 413 page", async () => {
    const fields = formFields("sub-form-big");
    fields.set("case_study.body", "x".repeat(MAX_JSON_BODY_BYTES));
    const res = await postForm(fields, newClient());
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("larger than 64 KiB");
  });
});
