/**
 * Rows to and from JSON for SQL functions that take or return whole rows (`to_jsonb(row)`):
 * keys are the columns' SQL names, and values are mapped as Drizzle maps a selected row
 * (timestamps → Date, int8 → number), so a function's result reads like a `select()`.
 */
import { getTableColumns, type InferInsertModel, type InferSelectModel, type Table } from 'drizzle-orm';

/** A row PostgreSQL returned as JSON, in the shape Drizzle's `select()` gives. */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}

/** Values for a row keyed by SQL column name (Dates become ISO text when serialized); undefined ones are left out. */
export function jsonOfRow<T extends Table>(table: T, values: Partial<InferInsertModel<T>>): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = (values as Record<string, unknown>)[key];
    if (value !== undefined) json[column.name] = value;
  }
  return json;
}
