/**
 * The audit log as stored: append-only rows, numbered in the order written. This repository has
 * no way to change or remove a row, and the database refuses UPDATE and DELETE on the table
 * (a trigger, see migrations.ts), so a row once written stays as written.
 */
import type { AuditEntry, AuditFilter, AuditLog } from "@/lib/audit/audit-log";
import { stringColumn, type SqlClient, type SqlRow, type SqlValue } from "./sql";

const COLUMNS = "at, actor, method, action, pipeline, region, outcome, request_id, summary";
const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 1000;

export function auditRepository(sql: SqlClient): AuditLog {
  return {
    async append(entry) {
      await sql.execute(`INSERT INTO audit_entries (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        entry.at,
        entry.actor,
        entry.method,
        entry.action,
        entry.pipeline ?? null,
        entry.region ?? null,
        entry.outcome,
        entry.requestId ?? null,
        entry.summary ?? null,
      ]);
    },
    async list(filter: AuditFilter = {}) {
      const where: string[] = [];
      const values: SqlValue[] = [];
      if (filter.actor !== undefined) {
        // A part of the email, any case; LIKE's own wildcards in it are taken literally.
        where.push("LOWER(actor) LIKE ? ESCAPE '\\'");
        values.push(`%${filter.actor.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
      for (const [column, value] of [["pipeline", filter.pipeline], ["region", filter.region], ["action", filter.action], ["outcome", filter.outcome]] as const) {
        if (value === undefined) continue;
        where.push(`${column} = ?`);
        values.push(value);
      }
      const limit = Math.min(Math.max(1, filter.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
      const rows = await sql.query(
        `SELECT ${COLUMNS} FROM audit_entries ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq DESC LIMIT ${limit}`,
        values,
      );
      return rows.map(fromRow);
    },
  };
}

function optional(row: SqlRow, column: string): string | undefined {
  const value = row[column];
  return typeof value === "string" ? value : undefined;
}

function fromRow(row: SqlRow): AuditEntry {
  const pipeline = optional(row, "pipeline");
  const region = optional(row, "region");
  const requestId = optional(row, "request_id");
  const summary = optional(row, "summary");
  return {
    at: stringColumn(row, "at"),
    actor: stringColumn(row, "actor"),
    method: stringColumn(row, "method") as AuditEntry["method"],
    action: stringColumn(row, "action"),
    ...(pipeline !== undefined && { pipeline }),
    ...(region !== undefined && { region }),
    outcome: stringColumn(row, "outcome"),
    ...(requestId !== undefined && { requestId }),
    ...(summary !== undefined && { summary }),
  };
}
