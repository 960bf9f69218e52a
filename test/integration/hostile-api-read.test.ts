// Hostile input for every GET operation of /openapi.json (read from the Worker itself, so a new route is covered
// without being named here): every path, query and header parameter gets random, boundary and malicious values.
// Each answer: no 5xx, no stack trace or internal name, a status the document declares, problem+json naming the
// fields of a 400. The generator is ./hostile-requests.ts; the write operations are in hostile-api-write.test.ts.
import { describeHostileOperations } from "./hostile-requests";

await describeHostileOperations({
  file: "hostile-api-read",
  title: "every GET operation answers hostile requests safely",
  keep: (op) => op.method === "GET",
  runs: 60,
});
