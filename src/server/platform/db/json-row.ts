/**
 * Rows keyed by SQL column name — from a SQL function's JSON (`to_jsonb(row)`) or from a raw
 * query (`selectCasePage`) — mapped as Drizzle maps a selected row (timestamps → Date, int8 → number), so they
 * read like a `select()`. The mapping is planned once per table: Drizzle's own per-field
 * mapping checks every field's class on every row, which on a page of 50 wide rows costs
 * more than the query itself.
 */
import { getTableColumns, type InferInsertModel, type InferSelectModel, type Table } from 'drizzle-orm';

type Mapper = (raw: Record<string, unknown>) => Record<string, unknown>;
const mappers = new WeakMap<Table, Mapper>();

function mapperOf(table: Table): Mapper {
  let mapper = mappers.get(table);
  if (!mapper) {
    const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, name: column.name, column }));
    mapper = (raw) => {
      const row: Record<string, unknown> = {};
      for (const { key, name, column } of columns) {
        const value = raw[name];
        row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
      }
      return row;
    };
    mappers.set(table, mapper);
  }
  return mapper;
}

/** A row keyed by SQL column name, in the shape Drizzle's `select()` gives. */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  return mapperOf(table)(json) as InferSelectModel<T>;
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
