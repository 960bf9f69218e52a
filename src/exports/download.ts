/**
 * An export as an HTTP download: the format's media type, a `Content-Disposition` file name, and the declaration of
 * those responses for the OpenAPI document (every media type, with the JSON ones' schemas). Shared by every route
 * that exports (a record, a search, a brief), so they answer alike.
 */
import * as z from "zod/mini";
import { cslExportSchema } from "./csl";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormatName } from "./index";
import { jsonExportSchema } from "./json";
import { downloadName, type ExportCollection } from "./model";

/** The `format` query parameter, with the format a route gives when none is asked for. */
export const exportFormatField = (fallback: ExportFormatName) =>
  z._default(z.enum(EXPORT_FORMAT_NAMES), fallback).register(z.globalRegistry, {
    description:
      "markdown (a memo), csv (one row per outcome), json (the data contract), bibtex, ris or csl-json (the sources, for a reference manager)",
  });

/** The media type without parameters, as the OpenAPI document lists it. */
function mediaType(format: ExportFormatName): string {
  return EXPORT_FORMATS[format].contentType.split(";")[0] as string;
}

/** The 200 response of an export route, declared once for every media type. */
export const exportResponse = {
  description:
    "The export as a download (Content-Disposition: attachment with a file name); grade and provenance travel in every format",
  content: Object.fromEntries(
    EXPORT_FORMAT_NAMES.map((format) => [
      mediaType(format),
      format === "json" ? { schema: jsonExportSchema } : format === "csl-json" ? { schema: cslExportSchema } : {},
    ]),
  ),
};

/** The collection in `format` as a download named after `name`. */
export function exportDownload(
  format: ExportFormatName,
  collection: ExportCollection,
  name: string,
  now: Date,
): Response {
  const spec = EXPORT_FORMATS[format];
  const filename = downloadName(name, spec.extension);
  return new Response(spec.render(collection, now), {
    headers: {
      "content-type": spec.contentType,
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}

/** The address of an export (a path with its query), for links and `<link rel="alternate">`. */
export function exportHref(path: string, params: URLSearchParams, format: ExportFormatName): string {
  const query = new URLSearchParams(params);
  query.set("format", format);
  return `${path}?${query.toString()}`;
}
