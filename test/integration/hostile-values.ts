// What the hostile-input suite sends: malicious strings, boundary numbers, and fast-check arbitraries built from a
// JSON Schema of the OpenAPI document (objects, arrays, enums, bounded numbers, patterned strings), each node
// sometimes swapped for a hostile value. Nothing here knows a route: test/integration/hostile-requests.ts turns the
// document's operations into requests with these.
import fc from "fast-check";

export type JsonSchema = Record<string, unknown>;

/** Markup that must never come back unescaped in an HTML page (each distinctive enough to search for). */
export const MARKUP_PAYLOADS = [
  "<script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  '" onerror="alert(1)',
  "'><img src=x onerror=alert(1)>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)//<b>",
  "</textarea><script>alert(2)</script>",
  "<iframe srcdoc='<script>alert(3)</script>'>",
] as const;

const SQL = [
  "'; DROP TABLE case_studies; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  "1; SELECT * FROM revisions",
  "1 UNION SELECT token FROM x--",
  "%' AND 1=0 UNION ALL SELECT NULL--",
  "?1",
  "$1",
];

const FTS5 = [
  "NEAR(a b, 2)",
  "NEAR(",
  '"',
  '""',
  "*",
  "a*",
  "^title",
  "OR",
  "a OR",
  "NOT",
  "AND (",
  "title: x",
  "summary:",
  "{title summary}: x",
  "-",
  "+",
  "(((",
  ")))",
];

const TRAVERSAL = [
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e%2f%2e%2e%2f",
  "%2F",
  "a%2Fb",
  "..",
  ".",
  "%00",
  "a/../b",
  "\\..\\..\\",
];

const NUMERIC = [
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "0",
  "-1",
  "1e309",
  "-1e309",
  "9007199254740993",
  "1e-400",
  "0x10",
  "1_000",
  " 1",
  "1 ",
  "1.",
  ".5",
  "+1",
  "1e2",
  "١٢",
  "0.1e-7",
];

const ODD = [
  "",
  " ",
  "\u0000",
  "\u0001\u0002",
  "\u2028\u2029",
  "\uFEFF",
  "\uD800",
  "\uDFFF\uD800",
  "😀👩‍⚕️",
  "e\u0301",
  "ﬁ",
  "true",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  "constructor",
  "toString",
  "%",
  "%%",
  "%zz",
  "%ff%fe",
  "&amp;&lt;",
  "a,b,,c,",
  ",",
  "\r\nX-Injected: 1",
  "x".repeat(300),
];

/** Every hostile string, for any text field, parameter or header. */
export const HOSTILE_STRINGS: readonly string[] = [
  ...MARKUP_PAYLOADS,
  ...SQL,
  ...FTS5,
  ...TRAVERSAL,
  ...NUMERIC,
  ...ODD,
];

/** A hostile string: one of the list, a mix of them, random text, or very long text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  {
    weight: 2,
    arbitrary: fc.array(fc.constantFrom(...HOSTILE_STRINGS), { minLength: 2, maxLength: 6 }).map((p) => p.join(" ")),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom("z".repeat(5000), "é".repeat(3000), "(".repeat(2000)) },
);

/** A value Headers accepts without a warning (printable ASCII), from hostile text. */
export function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?").trim();
}

/** Hostile JSON values of every type, for a body field. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -0,
      -1,
      1.5,
      Number.MAX_SAFE_INTEGER + 2,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.MIN_VALUE,
      1e21,
      [],
      {},
      [null],
      { __proto__: { polluted: true } },
      { constructor: { prototype: { polluted: true } } },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Numbers at and just past the schema's bounds, and the usual breakers. */
function boundaryNumbers(schema: JsonSchema): number[] {
  const out = [0, -0, 1, -1, 0.5, 1e15, -1e15, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE];
  for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]) {
    const bound = schema[key];
    if (typeof bound === "number") out.push(bound, bound - 1, bound + 1, bound - 1e-9, bound + 1e-9);
  }
  return out;
}

/** A string the schema accepts, mostly (patterns through fc.stringMatching, lengths at their bounds). */
function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (typeof schema.pattern === "string") {
    const pattern = new RegExp(schema.pattern);
    const max = typeof schema.maxLength === "number" ? schema.maxLength : 200;
    const min = typeof schema.minLength === "number" ? schema.minLength : 0;
    return fc.stringMatching(pattern).filter((s) => s.length <= max && s.length >= min);
  }
  if (schema.format === "uri") return fc.webUrl();
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Math.max(min, 40);
  return fc.oneof(
    fc.string({ minLength: min, maxLength: Math.min(max, min + 40) }),
    fc.constantFrom("a".repeat(min), "a".repeat(max), "a".repeat(Math.max(0, min - 1)), "a".repeat(max + 1)),
  );
}

/** Follows a local `#/$defs/Name` reference inside the root schema. */
function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const match = /^#\/\$defs\/(.+)$/.exec(ref);
  const target = match ? (root.$defs as Record<string, JsonSchema> | undefined)?.[match[1] as string] : undefined;
  if (!target) throw new Error(`hostile-values: cannot resolve ${ref}`);
  return target;
}

/**
 * Values for a JSON Schema: what it describes (objects with their required keys and some optional ones and an
 * unknown one now and then, arrays at their length bounds, enum members, bounded and boundary numbers, patterned
 * strings), with any node swapped for a hostile value one time in `1 + calm`. Throws on a schema it cannot read,
 * so a new kind of schema fails the suite rather than going untested.
 */
export function valueFor(schema: JsonSchema, root: JsonSchema = schema, depth = 0, calm = 5): fc.Arbitrary<unknown> {
  const own = ownValueFor(resolve(schema, root), root, depth, calm);
  return fc.oneof({ weight: calm, arbitrary: own }, { weight: 1, arbitrary: hostileJson });
}

function ownValueFor(schema: JsonSchema, root: JsonSchema, depth: number, calm: number): fc.Arbitrary<unknown> {
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const choices = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(choices)) return fc.oneof(...choices.map((c) => valueFor(c, root, depth, calm)));
  const type = Array.isArray(schema.type) ? (schema.type[0] as string) : (schema.type as string | undefined);
  switch (type) {
    case "string":
      return stringFor(schema);
    case "integer":
    case "number": {
      const min = typeof schema.minimum === "number" ? schema.minimum : -1e9;
      const max = typeof schema.maximum === "number" ? schema.maximum : 1e9;
      const inRange =
        type === "integer"
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.double({ min, max, noNaN: true });
      return fc.oneof(inRange, fc.constantFrom(...boundaryNumbers(schema)));
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      if (depth > 6) return fc.constant([]);
      const item = schema.items ? valueFor(schema.items as JsonSchema, root, depth + 1, calm) : hostileJson;
      const min = typeof schema.minItems === "number" ? schema.minItems : 0;
      const max = typeof schema.maxItems === "number" ? schema.maxItems : min + 4;
      return fc.oneof(
        fc.array(item, { minLength: min, maxLength: Math.min(max, min + 4) }),
        fc.array(item, { minLength: max + 1, maxLength: max + 1 }),
      );
    }
    case "object":
    case undefined: {
      if (type === undefined && !schema.properties) return hostileJson; // `{}`: any value
      if (depth > 6) return fc.constant({});
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const entries = Object.entries(properties).map(([key, field]) =>
        fc.option(
          valueFor(field, root, depth + 1, calm).map((v) => [key, v] as const),
          {
            nil: undefined,
            freq: required.has(key) ? 12 : 2,
          },
        ),
      );
      const extra = fc.option(fc.tuple(fc.constantFrom("unknown_field", "__proto__", "", "a.b", "x[0]"), hostileJson), {
        freq: 6,
      });
      return fc.tuple(fc.tuple(...entries), extra).map(([fields, more]) => {
        const out: Record<string, unknown> = {};
        for (const entry of fields) if (entry) out[entry[0]] = entry[1];
        if (more)
          Object.defineProperty(out, more[0], { value: more[1], enumerable: true, writable: true, configurable: true });
        return out;
      });
    }
    default:
      throw new Error(`hostile-values: no generator for a schema of type ${String(type)}`);
  }
}

/**
 * A parameter's value as text: one the schema accepts, a known real one (a slug of the content), or (unless `calm`)
 * a hostile one.
 */
export function paramText(schema: JsonSchema, known: readonly string[] = [], calm = false): fc.Arbitrary<string> {
  const items = schema.type === "array" ? (schema.items as JsonSchema) : schema;
  const valid = ownValueFor(items, schema, 0, 5).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  if (calm) return known.length ? fc.oneof(valid, fc.constantFrom(...known)) : valid;
  const options = [
    { weight: 4, arbitrary: valid },
    { weight: 4, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constantFrom(...boundaryNumbers(items).map(String), "NaN", "-0", "Infinity") },
  ];
  if (known.length) options.push({ weight: 4, arbitrary: fc.constantFrom(...known) });
  return fc.oneof(...options);
}
