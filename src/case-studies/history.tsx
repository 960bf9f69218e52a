/**
 * The history page of a case study: every revision (who, when, what, the message), and a field-by-field comparison of
 * any two, chosen with a GET form so it works without JavaScript. Restoring is done through the API (it needs a
 * token); the page says how.
 */
import { diffRecords, type FieldChange } from "../domain/record-diff";
import type { Revision, RevisionAction, RevisionMeta } from "../records/revisions";
import { Layout } from "../views/layout";

const ACTION_WORDS: Record<RevisionAction, string> = {
  create: "Created",
  update: "Edited",
  delete: "Withdrawn",
  restore: "Restored",
};

function when(iso: string) {
  return <time datetime={iso}>{iso.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC")}</time>;
}

function describe(meta: RevisionMeta): string {
  const words = ACTION_WORDS[meta.action];
  return meta.restored_from ? `${words} (as revision ${meta.restored_from})` : words;
}

export interface HistoryProps {
  slug: string;
  title: string;
  revisions: RevisionMeta[];
  /** The two revisions compared, when both exist. */
  compared: { from: Revision; to: Revision } | null;
  /** Whether the record is live now (a link to it) or withdrawn. */
  live: boolean;
}

function Picker({
  name,
  label,
  revisions,
  selected,
}: {
  name: string;
  label: string;
  revisions: RevisionMeta[];
  selected: number;
}) {
  return (
    <p>
      <label for={`history-${name}`}>{label}</label>{" "}
      <select id={`history-${name}`} name={name}>
        {revisions.map((r) => (
          <option value={String(r.revision)} selected={r.revision === selected}>
            Revision {r.revision}: {describe(r)}
          </option>
        ))}
      </select>
    </p>
  );
}

function Changes({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <p>The two revisions hold the same record.</p>;
  return (
    <div class="table-wrap">
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr>
              <th scope="row">
                <code>{change.path}</code>
              </th>
              <td data-label="Before">{change.before ?? <em class="muted">(not set)</em>}</td>
              <td data-label="After">{change.after ?? <em class="muted">(not set)</em>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HistoryPage({ slug, title, revisions, compared, live }: HistoryProps) {
  const last = revisions.at(-1);
  return (
    <Layout title={`History: ${title}`} description={`Every revision of the case study “${title}”.`}>
      <p class="small muted">
        <a href="/case-studies">Case studies</a> / {live ? <a href={`/case-studies/${slug}`}>{title}</a> : title}
      </p>
      <h1>History of “{title}”</h1>
      {live ? null : (
        <p class="banner" role="note">
          <strong>This case study was withdrawn</strong> (revision {last?.revision}). It no longer appears in search or
          lists; any earlier revision can be restored.
        </p>
      )}
      <div class="table-wrap">
        <table class="stack">
          <caption>Every change, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">Change</th>
              <th scope="col">By</th>
              <th scope="col">When</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr>
                <td data-label="Revision">{r.revision}</td>
                <td data-label="Change">{describe(r)}</td>
                <td data-label="By">{r.author === "content" ? "the content files" : r.author}</td>
                <td data-label="When">{when(r.created_at)}</td>
                <td data-label="Message">{r.message ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {revisions.length > 1 && compared ? (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">Compare two revisions</h2>
          <form method="get" action={`/case-studies/${slug}/history`}>
            <Picker name="from" label="From" revisions={revisions} selected={compared.from.revision} />
            <Picker name="to" label="To" revisions={revisions} selected={compared.to.revision} />
            <p>
              <button type="submit">Compare</button>
            </p>
          </form>
          <h3>
            Revision {compared.from.revision} → revision {compared.to.revision}
          </h3>
          {compared.to.action === "delete" ? (
            <p class="small muted">
              Revision {compared.to.revision} withdrew the record; it is shown as it was withdrawn.
            </p>
          ) : null}
          <Changes changes={diffRecords(compared.from.record, compared.to.record)} />
        </section>
      ) : null}
      <section aria-labelledby="restore-heading">
        <h2 id="restore-heading">Restoring a revision</h2>
        <p>
          Anyone with a write token can bring back any revision that holds the record: it becomes a new revision, so
          nothing is lost. Send <code>POST /api/v1/case-studies/{slug}/revisions/N/restore</code> with the token and the
          latest revision ({last ? `"r${last.revision}"` : ""}) in <code>If-Match</code>; the README shows the command.
        </p>
      </section>
    </Layout>
  );
}

/** The page of a withdrawn record (410): what it was, and where its history is. */
export function WithdrawnPage({ slug, title, revision }: { slug: string; title: string; revision: number }) {
  return (
    <Layout title={`Withdrawn: ${title}`}>
      <h1>This case study was withdrawn</h1>
      <p class="lede">
        “{title}” was withdrawn in revision {revision}. It no longer appears in search, lists or counts.
      </p>
      <p>
        <a href={`/case-studies/${slug}/history`}>See its history</a>, where every earlier revision is kept and can be
        compared, or <a href="/case-studies">browse the case studies</a>.
      </p>
      <p class="small muted">Status 410</p>
    </Layout>
  );
}
