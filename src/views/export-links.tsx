/** "Download" links to every export format of a thing (a record, a search, a brief): plain links, no script. */
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormatName } from "../exports/index";

export function ExportLinks({
  heading,
  hrefFor,
  note,
}: {
  heading: string;
  hrefFor: (format: ExportFormatName) => string;
  note?: string;
}) {
  return (
    <section class="exports no-print" aria-label={heading}>
      <h2>{heading}</h2>
      {note ? <p class="small muted">{note}</p> : null}
      <ul class="inline-list">
        {EXPORT_FORMAT_NAMES.map((format) => (
          <li>
            <a href={hrefFor(format)} download>
              {EXPORT_FORMATS[format].label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
