import { describe, expect, it } from "vitest";
import { describeConfig, storageConfig } from "@/lib/storage/config";
import { integerColumn, numberedPlaceholders } from "@/lib/storage/sql";

describe("numberedPlaceholders", () => {
  it("numbers ? in order and leaves quoted ones alone", () => {
    expect(numberedPlaceholders("SELECT a FROM t WHERE b = ? AND c = '?' AND \"d?\" = ? LIMIT ?")).toBe(
      "SELECT a FROM t WHERE b = $1 AND c = '?' AND \"d?\" = $2 LIMIT $3",
    );
  });
});

describe("integerColumn", () => {
  it("reads numbers and PostgreSQL's BIGINT strings, refuses anything else", () => {
    expect(integerColumn({ n: 5 }, "n")).toBe(5);
    expect(integerColumn({ n: "1800000000000" }, "n")).toBe(1_800_000_000_000);
    expect(() => integerColumn({ n: "x" }, "n")).toThrow("column n is not an integer");
    expect(() => integerColumn({}, "n")).toThrow();
  });
});

describe("storageConfig", () => {
  it("uses SQLite in data/app by default and in PIPEWRIGHT_DATA_DIR when set", () => {
    expect(storageConfig({})).toEqual({ backend: "sqlite", file: expect.stringMatching(/data\/app\/app\.sqlite$/) });
    expect(storageConfig({ PIPEWRIGHT_DATA_DIR: "/srv/pw" })).toEqual({ backend: "sqlite", file: "/srv/pw/app.sqlite" });
  });

  it("uses PostgreSQL when DATABASE_URL names one, and refuses other URLs", () => {
    expect(storageConfig({ DATABASE_URL: "postgres://u:secret@db:5433/pw" })).toEqual({ backend: "postgres", url: "postgres://u:secret@db:5433/pw" });
    expect(storageConfig({ DATABASE_URL: "postgresql://db/pw" }).backend).toBe("postgres");
    expect(() => storageConfig({ DATABASE_URL: "mysql://db/pw" })).toThrow("DATABASE_URL must be a PostgreSQL connection URL");
  });

  it("never shows a password", () => {
    expect(describeConfig({ backend: "postgres", url: "postgres://u:secret@db:5433/pw" })).toBe("PostgreSQL at db:5433/pw");
  });
});
