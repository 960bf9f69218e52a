/**
 * One bad field, named by path: the error type of the content build, the API's problem+json `errors`, the
 * calculators' input check and the calculator forms. Pure and zod-free at run time, so the browser bundle can use it.
 */
import type * as z from "zod/mini";

/** Where (`outcomes[2].quote`; `ROOT_PATH` for the input as a whole), and what is wrong, in words. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The path of an error about the input as a whole: the JSON body, the query, the record, the file. The empty
 * string, as the root is spelt in a JSON Pointer (RFC 6901): it can never be mistaken for a field's name.
 */
export const ROOT_PATH = "";

/** "savings_lines[0].reduction_pct": the path notation of field errors, default references and warnings. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** The path as a person reads it in a sentence: the field's path, or `the <what> as a whole` for the root. */
export function describePath(path: string, what: string): string {
  return path === ROOT_PATH ? `the ${what} as a whole` : path;
}

/** The field errors of one zod issue: an unknown-keys issue names each unknown key at its own path. */
export function issueFieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: "unknown field" }));
  }
  if (issue.code === "invalid_value" && "values" in issue) {
    return [{ path: formatPath(issue.path), message: `must be one of: ${issue.values.map(String).join(", ")}` }];
  }
  return [{ path: formatPath(issue.path), message: issue.message }];
}

/** Turns zod issues into `{ path: "outcomes[2].quote", message }` pairs, one per problem. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap(issueFieldErrors);
}
