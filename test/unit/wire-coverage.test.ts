/**
 * The wire-coverage measure the per-platform wire-values tests rely on (test/utils/wire-coverage.ts): which leaves
 * count, and which forms of a value match.
 */
import { describe, expect, it } from "vitest";
import { distinctiveLeafValues, wireCoverage } from "../utils/wire-coverage";

describe("distinctiveLeafValues", () => {
  it("keeps strings longer than 2 characters and numbers other than 0 and 1, as strings, from every depth", () => {
    const values = distinctiveLeafValues({
      a: "abc",
      b: "ab",
      c: 0,
      d: 1,
      e: 2,
      f: true,
      g: null,
      h: [{ i: "deep", j: 1.5 }],
      k: { l: -3 },
    });
    expect([...values].sort()).toEqual(["-3", "1.5", "2", "abc", "deep"]);
  });
});

describe("wireCoverage", () => {
  it("matches a millisecond time with its ISO form and an ISO time with its milliseconds", () => {
    const ms = Date.UTC(2024, 4, 1, 12, 0, 0);
    expect(
      wireCoverage(
        { at: ms, iso: "2021-03-03T18:58:10Z" },
        { at: new Date(ms).toISOString(), iso: "2021-03-03T18:58:10.000Z" },
      ),
    ).toEqual({
      ratio: 1,
      total: 2,
      missing: [],
    });
  });

  it("reports what the answer lacks, and counts only exact leaves (not a value inside another)", () => {
    const result = wireCoverage(
      { id: "dataset_123", name: "photos", size: 42, kind: "Image" },
      { id: "R2xvYmFsOmRhdGFzZXRfMTIz", label: "photos (dataset_123)", size: 42 },
    );
    expect(result).toEqual({ ratio: 0.25, total: 4, missing: ["Image", "dataset_123", "photos"] });
  });

  it("is 1 for a wire object without distinctive values", () => {
    expect(wireCoverage({ ok: true, n: 0 }, {})).toEqual({ ratio: 1, total: 0, missing: [] });
  });

  it("matches a numeric text with its number, and a millisecond time with its date written to the second", () => {
    const ms = Date.UTC(2024, 0, 5, 9, 42, 16, 382);
    expect(
      wireCoverage({ score: "0.80", at: ms }, { score: 0.8, at: new Date(Math.floor(ms / 1000) * 1000).toISOString() }),
    ).toEqual({ ratio: 1, total: 2, missing: [] });
    expect(wireCoverage({ score: "0.80", at: ms }, { score: 0.7, at: "2024-01-05T09:42:17Z" })).toEqual({
      ratio: 0,
      total: 2,
      missing: [String(ms), "0.80"].sort(),
    });
  });
});
