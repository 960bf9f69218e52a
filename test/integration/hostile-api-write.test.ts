// Hostile input for every operation of /openapi.json that is not a GET (the writes, the calculators, the reviews and
// the public submission), read from the Worker itself: parameters, headers and JSON bodies built from each body's
// JSON Schema with hostile values in any field, plus bodies no schema describes (nested 1000 to 30,000 deep, 10,000
// keys wide, duplicate keys, over 64 KiB, invalid UTF-8, not JSON, wrong content types). Secured operations mostly
// get a valid token so the input reaches validation. Each answer as in hostile-api-read.test.ts.
import { afterAll, describe, expect, it } from "vitest";
import { fuzzOperation, hostileSeed, knownSegments, loadOperations, statusTally } from "./hostile-requests";

const RUNS_PER_OPERATION = 80;
const seed = hostileSeed("hostile-api-write");
const operations = (await loadOperations()).filter((op) => op.method !== "GET");
const known = await knownSegments();
let cases = 0;

describe("every operation that is not a GET answers hostile requests safely", () => {
  it("the document has such operations to fuzz", () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  for (const op of operations) {
    it(`${op.method} ${op.path}`, async () => {
      cases += await fuzzOperation(op, known, seed, RUNS_PER_OPERATION);
    }, 120_000);
  }

  afterAll(() => {
    const tally = [...statusTally].map(([op, statuses]) => `  ${op}: ${JSON.stringify(statuses)}`);
    console.log(`hostile-api-write: ${cases} requests over ${operations.length} operations\n${tally.join("\n")}`);
  });
});
