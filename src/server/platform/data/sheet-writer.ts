/**
 * Writes rows as CSV (UTF-8 with BOM, so Excel opens Chinese text correctly) or XLSX
 * (codes as text, so Excel never turns a 15-digit grid code into 1.10199E+14).
 * CSV cells that a spreadsheet would run as a formula are prefixed with `'` (the
 * importer strips it again), against CSV injection.
 */
export const formats = ['xlsx', 'csv'] as const;
export type Format = (typeof formats)[number];

export interface ColumnDef {
  key: string;
  header: string;
  /** Written as a number in XLSX (codes are always text, so 15-digit grid codes survive Excel). */
  numeric?: boolean;
}

/** Neutralizes a CSV cell that starts like a formula (=, +, -, @, tab, CR). */
export function csvSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export const contentTypes: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Serializes `rows` (cells keyed by column) in the format. */
export async function writeSheet(format: Format, sheetName: string, columns: readonly ColumnDef[], rows: ReadonlyArray<Record<string, string>>): Promise<Buffer> {
  // Spreadsheet libraries load on first use, keeping every process's start-up light.
  if (format === 'csv') {
    const { stringify } = await import('csv-stringify/sync');
    const records = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => csvSafe(r[c.key] ?? '')))];
    return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(records, { record_delimiter: '\r\n' }))]);
  }
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(10, c.header.length * 3), style: c.numeric ? {} : { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.numeric && r[c.key] ? Number(r[c.key]) : (r[c.key] ?? '')])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
