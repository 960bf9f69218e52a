// Hostile input for every operation of /openapi.json that is not a GET (the writes, the calculators, the reviews and
// the public submission), read from the Worker itself: parameters, headers and JSON bodies built from each body's
// JSON Schema with hostile values in any field, plus bodies no schema describes (nested 1000 to 30,000 deep, 10,000
// keys wide, duplicate keys, over 64 KiB, invalid UTF-8, not JSON, wrong content types). Secured operations mostly
// get a valid token so the input reaches validation. Each answer as in hostile-api-read.test.ts.
import { describeHostileOperations } from "./hostile-requests";

await describeHostileOperations({
  file: "hostile-api-write",
  title: "every operation that is not a GET answers hostile requests safely",
  keep: (op) => op.method !== "GET",
  runs: 80,
});
