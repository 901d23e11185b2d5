/**
 * Reads an uploaded CSV or XLSX file into rows of trimmed strings keyed by column, and
 * treats it as hostile: unknown encodings (UTF-8, else GB18030 as Excel writes it on
 * Chinese Windows), wrong or duplicate headers, formula and error cells, control
 * characters, oversized cells, too many rows and zip bombs are all reported, never
 * crashed on. File-level problems throw a 422; cell-level ones are collected per row.
 */
import type ExcelJS from 'exceljs';
import type { FieldError } from '../../../platform/http/errors.js';
import { Invalid } from '../../../platform/http/errors.js';
import type { ColumnDef, Format } from './columns.js';
import { zipProblem } from './zip-guard.js';

export const MAX_ROWS = 50_000;
const MAX_CELL = 1_000;

export interface SheetRow {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  line: number;
  cells: Record<string, string>;
}

export interface Sheet {
  rows: SheetRow[];
  /** Cell problems found while reading (formulas, control characters …). */
  errors: FieldError[];
}

/** `row 5 / 上级编码`: where a problem is, as a person looking at the sheet would say it. */
export function cellPath(line: number, header: string): string {
  return `row ${line} / ${header}`;
}

function fileError(code: string, params?: Record<string, string | number>): Invalid {
  return new Invalid(code, [{ path: 'file', code, ...(params ? { params } : {}) }], params);
}

/** Decodes text: a UTF-16 BOM, else strict UTF-8, else GB18030 (GBK); refuses anything else. */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf);
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf);
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(buf);
    } catch {
      // try the next encoding
    }
  }
  throw fileError('import_encoding');
}

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Cleans one cell's text; returns the text or a problem code. */
export function cleanCell(raw: string): { text: string } | { problem: string } {
  // Our CSV export prefixes text that spreadsheets would run as a formula with `'`; undo it.
  const text = (/^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw).trim();
  if (CONTROL.test(text)) return { problem: 'import_control_char' };
  if (text.length > MAX_CELL) return { problem: 'import_cell_too_long' };
  return { text };
}

/** Maps header cells to column keys; wrong, missing or repeated headers stop the import. */
function mapHeaders(headers: string[], columns: readonly ColumnDef[]): Map<number, ColumnDef> {
  const byIndex = new Map<number, ColumnDef>();
  const errors: FieldError[] = [];
  headers.forEach((raw, i) => {
    const h = raw.replace(/^\uFEFF/, '').trim();
    if (h === '') return;
    const col = columns.find((c) => c.header === h || c.key.toLowerCase() === h.toLowerCase());
    if (!col) errors.push({ path: cellPath(1, h.slice(0, 50)), code: 'import_header_unknown' });
    else if ([...byIndex.values()].includes(col)) errors.push({ path: cellPath(1, col.header), code: 'import_header_duplicate' });
    else byIndex.set(i, col);
  });
  for (const c of columns) if (![...byIndex.values()].includes(c)) errors.push({ path: cellPath(1, c.header), code: 'import_header_missing' });
  if (errors.length > 0) throw new Invalid('import_headers', errors);
  return byIndex;
}

/** Builds the sheet from raw rows (header first), cleaning every cell. */
function toSheet(raw: Array<{ line: number; values: Array<string | { problem: string }> }>, columns: readonly ColumnDef[]): Sheet {
  const [head, ...body] = raw;
  if (!head || head.values.every((v) => typeof v !== 'string' || v.trim() === '')) throw fileError('import_empty');
  const headers = mapHeaders(head.values.map((v) => (typeof v === 'string' ? v : '')), columns);
  const rows: SheetRow[] = [];
  const errors: FieldError[] = [];
  for (const r of body) {
    const cells: Record<string, string> = {};
    let filled = false;
    for (const [i, col] of headers) {
      const v = r.values[i] ?? '';
      const cleaned = typeof v === 'string' ? cleanCell(v) : v;
      if ('problem' in cleaned) errors.push({ path: cellPath(r.line, col.header), code: cleaned.problem });
      cells[col.key] = 'text' in cleaned ? cleaned.text : '';
      filled ||= 'problem' in cleaned || cells[col.key] !== '';
    }
    if (filled) rows.push({ line: r.line, cells });
  }
  if (rows.length === 0 && errors.length === 0) throw fileError('import_no_rows');
  if (rows.length > MAX_ROWS) throw fileError('import_too_many_rows', { max: MAX_ROWS });
  return { rows, errors };
}

async function readCsv(buf: Buffer, columns: readonly ColumnDef[]): Promise<Sheet> {
  if (buf.length === 0) throw fileError('import_empty');
  const text = decodeText(buf);
  // Loaded on first use: every process (even `gongzhi migrate`) would otherwise pay for it at start-up.
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: 100_000, to: MAX_ROWS + 2 }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw fileError('import_csv_malformed', { line: typeof line === 'number' ? line : 0 });
  }
  return toSheet(records.map((values, i) => ({ line: i + 1, values })), columns);
}

type Cell = ExcelJS.CellValue;

/** One XLSX cell as text; formulas and error cells are refused rather than trusted. */
export function xlsxCellText(v: Cell): string | { problem: string } {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('formula' in v || 'sharedFormula' in v) return { problem: 'import_formula' };
  if ('error' in v) return { problem: 'import_cell_error' };
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return String(v.text);
  return { problem: 'import_cell_error' };
}

async function readXlsx(buf: Buffer, columns: readonly ColumnDef[]): Promise<Sheet> {
  if (buf.length === 0) throw fileError('import_empty');
  if (zipProblem(buf) !== null) throw fileError('import_unreadable');
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the value is an ordinary Buffer.
    await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw fileError('import_unreadable');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fileError('import_empty');
  if (ws.actualRowCount > MAX_ROWS + 1) throw fileError('import_too_many_rows', { max: MAX_ROWS });
  const raw: Array<{ line: number; values: Array<string | { problem: string }> }> = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const values: Array<string | { problem: string }> = [];
    for (let c = 1; c <= Math.min(row.cellCount, 100); c++) values.push(xlsxCellText(row.getCell(c).value));
    raw.push({ line, values });
  });
  // A sheet whose first row is blank still has its header somewhere: it must be row 1.
  if (raw[0] && raw[0].line !== 1) throw fileError('import_empty');
  return toSheet(raw, columns);
}

/** Reads an uploaded file of the given format against the entity's columns. */
export async function readSheet(buf: Buffer, format: Format, columns: readonly ColumnDef[]): Promise<Sheet> {
  return format === 'csv' ? readCsv(buf, columns) : readXlsx(buf, columns);
}
