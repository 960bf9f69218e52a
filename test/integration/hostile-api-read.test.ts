// Hostile input for every GET operation of /openapi.json (read from the Worker itself, so a new route is covered
// without being named here): every path, query and header parameter gets random, boundary and malicious values.
// Each answer: no 5xx, no stack trace or internal name, a status the document declares, problem+json naming the
// fields of a 400. The generator is ./hostile-requests.ts; the write operations are in hostile-api-write.test.ts.
import { afterAll, describe, expect, it } from "vitest";
import { fuzzOperation, hostileSeed, knownSegments, loadOperations, statusTally } from "./hostile-requests";

const RUNS_PER_OPERATION = 60;
const seed = hostileSeed("hostile-api-read");
const operations = (await loadOperations()).filter((op) => op.method === "GET");
const known = await knownSegments();
let cases = 0;

describe("every GET operation answers hostile requests safely", () => {
  it("the document has GET operations to fuzz", () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  for (const op of operations) {
    it(`${op.method} ${op.path}`, async () => {
      cases += await fuzzOperation(op, known, seed, RUNS_PER_OPERATION);
    }, 120_000);
  }

  afterAll(() => {
    const tally = [...statusTally].map(([op, statuses]) => `  ${op}: ${JSON.stringify(statuses)}`);
    console.log(`hostile-api-read: ${cases} requests over ${operations.length} operations\n${tally.join("\n")}`);
  });
});
