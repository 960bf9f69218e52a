import { describe, expect, it } from "vitest";
import { get } from "./helpers";

describe("smoke", () => {
  it("serves the home page", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Evidence and ROI");
  });
});
