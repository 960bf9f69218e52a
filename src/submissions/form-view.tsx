import type { JSX } from "hono/jsx/jsx-runtime";
/** The /submit pages: the form (empty, with errors beside their fields, or limited) and the receipt. */
import { Layout } from "../views/layout";
import { HONEYPOT } from "./check";
import { type FormState, ROW_GROUPS } from "./form-data";
import type { ErrorPlacement, PlacedErrors } from "./form-errors";
import {
  contactSection,
  type FormField,
  type FormSection,
  inputId,
  narrativeSection,
  type RowGroup,
  recordSections,
} from "./form-model";
import type { Receipt } from "./schemas";

function FieldErrors({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p class="field-error" id={`${id}-err`}>
      {messages.join("; ")}
    </p>
  );
}

function describedBy(id: string, invalid: boolean): string {
  return invalid ? `${id}-help ${id}-err` : `${id}-help`;
}

/** One field: label, help, input (keeping what was typed), and its errors. */
function Field({
  name,
  field,
  state,
  errors,
}: {
  name: string;
  field: FormField;
  state: FormState;
  errors: PlacedErrors;
}) {
  const id = inputId(name);
  const typed = state.values.get(name) ?? [];
  const last = typed[typed.length - 1] ?? "";
  const messages = errors.get(name);
  const invalid = Boolean(messages?.length);
  const help = (
    <p class="help small" id={`${id}-help`}>
      {field.help}
    </p>
  );
  if (field.kind === "checkboxes") {
    return (
      <fieldset id={id} class={invalid ? "has-error" : undefined} aria-describedby={describedBy(id, invalid)}>
        <legend>{field.label}</legend>
        {help}
        <FieldErrors id={id} messages={messages} />
        <div class="calc-grid">
          {field.choices?.values.map((value) => (
            <div class="facet-option">
              <input type="checkbox" id={`${id}-${value}`} name={name} value={value} checked={typed.includes(value)} />
              <label for={`${id}-${value}`}>{field.choices?.label(value)}</label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }
  const common = {
    id,
    name,
    "aria-describedby": describedBy(id, invalid),
    "aria-invalid": invalid ? "true" : undefined,
    required: field.required,
  };
  let control: JSX.Element;
  if (field.kind === "select") {
    control = (
      <select {...common}>
        <option value="">{field.required ? "Choose…" : "Not stated"}</option>
        {field.choices?.values.map((value) => (
          <option value={value} selected={value === last}>
            {field.choices?.label(value)}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === "textarea" || field.kind === "lines") {
    control = (
      <textarea {...common} rows={field.key === "body" ? 10 : 3}>
        {last}
      </textarea>
    );
  } else {
    const numeric = field.kind === "number" || field.kind === "integer";
    // Numbers are typed as text (inputmode shows a keypad), so what was typed comes back exactly and the check, not
    // the browser, says what is wrong with it, in the API's words.
    control = <input {...common} type="text" inputmode={numeric ? "decimal" : undefined} value={last} />;
  }
  return (
    <div class={invalid ? "field has-error" : "field"}>
      <label for={id}>
        {field.label}
        {field.required ? "" : <span class="unit"> (optional)</span>}
      </label>
      {help}
      <FieldErrors id={id} messages={messages} />
      {control}
    </div>
  );
}

function Section({ section, state, errors }: { section: FormSection; state: FormState; errors: PlacedErrors }) {
  return (
    <fieldset id={`section-${section.id}`}>
      <legend>{section.title}</legend>
      {section.intro ? <p class="small muted">{section.intro}</p> : null}
      <div class="calc-grid">
        {section.fields.map((field) => (
          <Field name={`${section.prefix}.${field.key}`} field={field} state={state} errors={errors} />
        ))}
      </div>
    </fieldset>
  );
}

function Rows({ group, state, errors }: { group: RowGroup; state: FormState; errors: PlacedErrors }) {
  const name = `case_study.${group.key}`;
  const id = inputId(name);
  const count = state.rows[group.key];
  return (
    <fieldset id={id} class={errors.get(name)?.length ? "has-error" : undefined}>
      <legend>{group.title}</legend>
      <p class="small muted">{group.intro}</p>
      <FieldErrors id={id} messages={errors.get(name)} />
      <input type="hidden" name={`${group.key}_rows`} value={String(count)} />
      {Array.from({ length: count }, (_, i) => {
        const row = `${name}[${i}]`;
        const rowId = inputId(row);
        return (
          <fieldset id={rowId} class="calc-row">
            <legend>
              {group.itemTitle} {i + 1}
            </legend>
            <FieldErrors id={rowId} messages={errors.get(row)} />
            <div class="calc-grid">
              {group.fields.map((field) => (
                <Field name={`${row}.${field.key}`} field={field} state={state} errors={errors} />
              ))}
            </div>
          </fieldset>
        );
      })}
      {count < group.maxRows ? (
        <button type="submit" class="secondary" name="action" value={`add-${group.key}`} formnovalidate>
          Add another {group.itemTitle.toLowerCase()}
        </button>
      ) : null}
    </fieldset>
  );
}

function ErrorSummary({ placement }: { placement: ErrorPlacement }) {
  const n = placement.summary.length;
  if (n === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="submit-errors-h" tabindex={-1} id="submit-errors">
      <h2 id="submit-errors-h">
        There {n === 1 ? "is a problem" : `are ${n} problems`} with the submission. Nothing was stored.
      </h2>
      <ul>
        {placement.summary.map((item) => (
          <li>
            <a href={item.href}>{item.label}</a>: {item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface SubmitPageProps {
  state: FormState;
  placement: ErrorPlacement;
  /** A message above the form (the rate limit). */
  notice?: string;
}

/** The submission form. It works without JavaScript: every button is a submit button and the server re-renders. */
export function SubmitPage({ state, placement, notice }: SubmitPageProps) {
  const errors = placement.byHost;
  return (
    <Layout
      title="Propose a case study"
      description="Send a case study of financing integrative care for review: who paid, how, for what, and what happened."
    >
      <h1>Propose a case study</h1>
      <p class="lede">
        Run or evaluate a programme that financed integrative care? Send its figures with their sources. A reviewer
        checks every figure against the sources before anything is published; no account is needed.
      </p>
      <p>
        Fields follow the same rules as the <a href="/docs">API</a> (a form post and a JSON post are checked by the same
        rules, with the same messages). Leave out what the source does not say: never estimate a date, a size or a
        figure.
      </p>
      {notice ? (
        <div class="banner" role="alert">
          <strong>Not sent yet</strong>
          {notice}
        </div>
      ) : null}
      <ErrorSummary placement={placement} />
      <form method="post" action="/submit" id="submit-form" class="calc-form submit-form" novalidate>
        {/* Enter in a text field presses the first submit button: make that one "Send", not "Add another row". */}
        <button type="submit" name="action" value="submit" class="visually-hidden" tabindex={-1}>
          Send for review
        </button>
        <FieldErrors id="submit-form" messages={errors.get("form")} />
        {recordSections.map((section) => (
          <Section section={section} state={state} errors={errors} />
        ))}
        {ROW_GROUPS.map((group) => (
          <Rows group={group} state={state} errors={errors} />
        ))}
        <Section section={narrativeSection} state={state} errors={errors} />
        <Section section={contactSection} state={state} errors={errors} />
        <div class="visually-hidden" aria-hidden="true">
          <label for="f-website">Leave this field empty</label>
          <input id="f-website" name={HONEYPOT} type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <div class="calc-actions">
          <button type="submit" name="action" value="submit">
            Send for review
          </button>
        </div>
      </form>
    </Layout>
  );
}

/** The acknowledgement: the reference and what happens next (never the contact details). */
export function ReceiptPage({ receipt }: { receipt: Receipt }) {
  return (
    <Layout title="Submission received">
      <h1>Thank you: your submission was received</h1>
      <p class="lede">{receipt.next}</p>
      <dl class="facts">
        <dt>Reference</dt>
        <dd>
          <code>{receipt.id}</code>
        </dd>
        <dt>Title</dt>
        <dd>{receipt.title}</dd>
        <dt>Received</dt>
        <dd>
          <time datetime={receipt.received_at}>{receipt.received_at.slice(0, 10)}</time>
        </dd>
      </dl>
      <p>
        <a href="/submit">Propose another case study</a> or <a href="/case-studies">browse the case studies</a>.
      </p>
    </Layout>
  );
}
