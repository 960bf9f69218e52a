/**
 * The targets of `npm run bench` in one place, checked against the figures of the sections that ran: each line says
 * met or missed and by how much (issue 15's budgets: Worker ≤ 150 KB gzip, embed pages ≤ 30 KB gzip, 10,000 Monte
 * Carlo draws < 5 ms, read routes ≥ 0.5× / 0.9× the health route at 10k records, no O(corpus) reads but exports,
 * 100k synthetic records loaded in < 2 minutes, zero failures under load).
 */

interface Target {
  target: string;
  measured: string;
  met: boolean;
}

type Figures = Record<string, unknown>;

function at(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) v = v && typeof v === "object" ? (v as Figures)[key] : undefined;
  return v;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export function benchTargets(results: Figures): Target[] {
  const targets: Target[] = [];
  const gzip = at(results.size, "worker_gzip_bytes");
  if (typeof gzip === "number") {
    targets.push({ target: "Worker ≤ 150 KB gzip", measured: kb(gzip), met: gzip <= 150_000 });
  }
  const embeds = at(results.size, "embed_pages");
  if (embeds && typeof embeds === "object") {
    for (const [path, w] of Object.entries(embeds as Figures)) {
      const bytes = at(w, "total_gzip_bytes");
      if (typeof bytes === "number") {
        targets.push({ target: `embed page ${path} ≤ 30 KB gzip`, measured: kb(bytes), met: bytes <= 30 * 1024 });
      }
    }
  }
  const monteCarlo = at(results.calculators, "program_roi_monte_carlo", "10000", "us_per_call");
  if (typeof monteCarlo === "number") {
    const ms = monteCarlo / 1000;
    targets.push({ target: "10,000 Monte Carlo draws < 5 ms", measured: `${ms.toFixed(2)} ms`, met: ms < 5 });
  }
  const routes = at(results.routes, "summary") as Figures | undefined;
  if (routes) {
    const n = routes.read_routes_measured as number;
    const cold = routes.cold_misses as string[];
    const warm = routes.warm_misses as string[];
    const oCorpus = routes.o_corpus_routes_other_than_exports as string[];
    const size = routes.target_size as number;
    targets.push({
      target: `every read route ≥ 0.5× health, cold, at ${size} records`,
      measured: `${n - cold.length} of ${n}${cold.length ? `; below: ${cold.join(", ")}` : ""}`,
      met: cold.length === 0,
    });
    targets.push({
      target: `every read route ≥ 0.9× health, warm, at ${size} records`,
      measured: `${n - warm.length} of ${n}${warm.length ? `; below: ${warm.join(", ")}` : ""}`,
      met: warm.length === 0,
    });
    targets.push({
      target: "no route but exports reads O(corpus) rows",
      measured: oCorpus.length ? oCorpus.join(", ") : "none",
      met: oCorpus.length === 0,
    });
    const seconds = routes.synthetic_load_seconds_total as number;
    targets.push({
      target: "100k synthetic records load < 2 min",
      measured: `${seconds.toFixed(1)} s`,
      met: seconds < 120,
    });
  }
  const load = results.load as Figures | undefined;
  if (load && typeof load.all_ok === "boolean") {
    const failures = Object.entries((load.routes ?? {}) as Record<string, Figures>)
      .map(
        ([name, f]) => `${name}: ${f.errors} errors, ${f.timeouts} timeouts, ${f.non2xx} non-2xx, p99 ${f.p99_ms} ms`,
      )
      .join("; ");
    targets.push({ target: "load: zero errors and zero non-2xx", measured: failures, met: load.all_ok });
  }
  return targets;
}

export function printTargets(targets: readonly Target[]): void {
  if (targets.length === 0) return;
  console.log("\n== bench: targets ==");
  for (const t of targets) console.log(`${t.met ? "met   " : "MISSED"}  ${t.target}: ${t.measured}`);
}
