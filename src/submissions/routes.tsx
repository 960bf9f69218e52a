/**
 * Submissions without an account: `POST /api/v1/submissions` and the /submit form. Both go through the same steps
 * in the same order: the per-client limit, the 64 KiB cap, the one check (checkSubmission), then receiveSubmission.
 * The public Worker serves them, beside the per-client limit they need; the reviewer routes (review-routes.ts), which
 * need a token and the write path, are the write Worker's (src/write-app.tsx).
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env";
import { ProblemError, problemResponse } from "../http/problem";
import { defineRoute, mountRoutes } from "../http/route";
import { MAX_JSON_BODY_BYTES } from "../http/validate";
import { checkSubmission, submissionBodySchema } from "./check";
import { emptyForm, type FormState, formErrors, formSubmission, readForm } from "./form-data";
import { placeErrors } from "./form-errors";
import { ReceiptPage, SubmitPage } from "./form-view";
import { LIMIT_PERIOD_SECONDS, LIMITED_DETAIL, withinLimit } from "./limit";
import { receiveSubmission } from "./receive";
import { receiptSchema } from "./schemas";

const retryAfter = { "retry-after": String(LIMIT_PERIOD_SECONDS) };

/** The submission API, declared once for the route and the OpenAPI document. */
export const submissionApiRoutes = [
  defineRoute({
    method: "post",
    path: "/api/v1/submissions",
    tag: "Submissions",
    summary: "Propose a case study for review",
    description: `No account needed. The proposed record is checked by the contract's rules (a submission is always a draft) and stored for a reviewer with the contact details, which no public route ever returns. At most 10 submissions a minute from one address: over that, 429 with \`Retry-After\` (seconds). A body over 64 KiB is refused (413).`,
    body: { describedBy: submissionBodySchema, checkBody: checkSubmission },
    responses: {
      202: { description: "Received and waiting for a reviewer", schema: receiptSchema },
      429: { description: "Too many submissions from this address; `Retry-After` says when to try again" },
    },
    handler: async (c, { body }) => c.json(await receiveSubmission(c.env.DB, body), 202),
  }),
];

export const submissionRoutes = new Hono<AppEnv>();

// The limit runs before the body is read or checked: every attempt counts, valid or not.
submissionRoutes.post("/api/v1/submissions", async (c, next) => {
  if (await withinLimit(c)) return next();
  const res = problemResponse(c, new ProblemError(429, LIMITED_DETAIL));
  res.headers.set("retry-after", retryAfter["retry-after"]);
  return res;
});
mountRoutes(submissionRoutes, submissionApiRoutes);

submissionRoutes.get("/submit", (c) => c.html(<SubmitPage state={emptyForm()} placement={placeErrors([], {})} />));

/** Reads the posted form: 415 for another encoding, 413 past 64 KiB (the API's limits), as readable pages. */
async function postedForm(c: Context<AppEnv>): Promise<URLSearchParams> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new ProblemError(415, "Send the form from the page at /submit.");
  }
  const tooLarge = new ProblemError(
    413,
    `The form is larger than ${MAX_JSON_BODY_BYTES / 1024} KiB. Shorten the narrative or send fewer rows; nothing was stored.`,
  );
  if (Number(c.req.header("content-length") ?? "0") > MAX_JSON_BODY_BYTES) throw tooLarge;
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > MAX_JSON_BODY_BYTES) throw tooLarge;
  return new URLSearchParams(new TextDecoder().decode(buffer));
}

function formPage(c: Context<AppEnv>, state: FormState, status: 200 | 400 | 429, errors = formErrorsNone) {
  return c.html(
    <SubmitPage
      state={state}
      placement={placeErrors(errors, state.rows)}
      {...(status === 429 ? { notice: LIMITED_DETAIL } : {})}
    />,
    status,
    status === 429 ? retryAfter : {},
  );
}

const formErrorsNone: ReturnType<typeof formErrors> = [];

submissionRoutes.post("/submit", async (c) => {
  const state = readForm(await postedForm(c));
  // "Add another row" only shows the form again, one row longer: nothing is checked, counted or stored.
  if (state.action !== "submit") return formPage(c, state, 200);
  if (!(await withinLimit(c))) return formPage(c, state, 429);
  const { body, rowOf } = formSubmission(state);
  const checked = checkSubmission(body);
  if (!checked.ok) return formPage(c, state, 400, formErrors(checked.errors, rowOf));
  const receipt = await receiveSubmission(c.env.DB, checked.value);
  return c.html(<ReceiptPage receipt={receipt} />);
});
