import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DomainError } from '../../../platform/http/errors.js';
import { columnsOf } from './columns.js';
import { cleanCell, decodeText, readSheet, xlsxCellText } from './sheet-reader.js';
import { csvSafe, writeSheet } from '../../../platform/data/sheet-writer.js';
import { zipProblem } from './zip-guard.js';

const cols = columnsOf.nodes;
const HEAD = '编码,名称,层级,类型,上级编码,户数';

async function problemOf(p: Promise<unknown>): Promise<{ code: string; fields: Array<{ path: string; code: string }> }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, fields: err.fieldErrors };
    throw err;
  }
  throw new Error('expected a domain error');
}

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('decoding', () => {
  it('reads UTF-8 with or without BOM, GB18030 from Excel on Chinese Windows, and UTF-16', () => {
    expect(decodeText(Buffer.from('\uFEFF编码', 'utf8'))).toBe('编码');
    expect(decodeText(Buffer.from('d6d0cec4', 'hex'))).toBe('中文');
    expect(decodeText(Buffer.from('\uFEFF编码', 'utf16le'))).toBe('编码');
  });

  it('refuses bytes that are neither', async () => {
    expect((await problemOf(Promise.resolve().then(() => decodeText(Buffer.from([0x81, 0x30, 0xff, 0xff, 0x80]))))).code).toBe('import_encoding');
  });
});

describe('cells', () => {
  it('undoes the export’s formula guard, trims, refuses control characters and huge cells', () => {
    expect(cleanCell("'=SUM(A1)")).toEqual({ text: '=SUM(A1)' });
    expect(cleanCell("'普通")).toEqual({ text: "'普通" });
    expect(cleanCell('  王 五  ')).toEqual({ text: '王 五' });
    expect(cleanCell('a\u0000b')).toEqual({ problem: 'import_control_char' });
    expect(cleanCell('x'.repeat(1001))).toEqual({ problem: 'import_cell_too_long' });
    expect(csvSafe('=1+1')).toBe("'=1+1");
    expect(csvSafe('-5')).toBe("'-5");
    expect(csvSafe('正常')).toBe('正常');
  });

  it('turns XLSX cells into text and refuses formulas and error cells', () => {
    expect(xlsxCellText(110199001001001)).toBe('110199001001001');
    expect(xlsxCellText(3.5)).toBe('3.5');
    expect(xlsxCellText({ richText: [{ text: '幸福' }, { text: '社区' }] })).toBe('幸福社区');
    expect(xlsxCellText({ formula: 'A1', result: 3 })).toEqual({ problem: 'import_formula' });
    expect(xlsxCellText({ error: '#REF!' })).toEqual({ problem: 'import_cell_error' });
    expect(xlsxCellText(null)).toBe('');
  });
});

describe('CSV files', () => {
  it('maps Chinese (or English) headers in any order and skips blank rows, numbering rows as a spreadsheet does', async () => {
    const sheet = await readSheet(Buffer.from(`\uFEFF名称,code,层级,类型,上级编码,户数\r\n幸福社区,C1,社区/村,社区,S1,\r\n,,,,,\r\n"和平,社区",C2,社区/村,社区,S1,12\r\n`), 'csv', cols);
    expect(sheet.rows).toEqual([
      { line: 2, cells: { name: '幸福社区', code: 'C1', level: '社区/村', kind: '社区', parentCode: 'S1', households: '' } },
      { line: 4, cells: { name: '和平,社区', code: 'C2', level: '社区/村', kind: '社区', parentCode: 'S1', households: '12' } },
    ]);
  });

  it('refuses wrong, missing or repeated headers, naming each', async () => {
    const p = await problemOf(readSheet(Buffer.from('编码,名字,层级,层级,上级编码,户数\n1,2,3,4,5,6\n'), 'csv', cols));
    expect(p.code).toBe('import_headers');
    expect(p.fields).toEqual(
      expect.arrayContaining([
        { path: 'row 1 / 名字', code: 'import_header_unknown' },
        { path: 'row 1 / 层级', code: 'import_header_duplicate' },
        { path: 'row 1 / 名称', code: 'import_header_missing' },
        { path: 'row 1 / 类型', code: 'import_header_missing' },
      ]),
    );
  });

  it('refuses empty files, header-only files, broken quoting and too many rows', async () => {
    expect((await problemOf(readSheet(Buffer.alloc(0), 'csv', cols))).code).toBe('import_empty');
    expect((await problemOf(readSheet(Buffer.from('\n\n'), 'csv', cols))).code).toBe('import_empty');
    expect((await problemOf(readSheet(Buffer.from(`${HEAD}\n`), 'csv', cols))).code).toBe('import_no_rows');
    expect((await problemOf(readSheet(Buffer.from(`${HEAD}\n"unclosed,a,b,c,d,e\n`), 'csv', cols))).code).toBe('import_csv_malformed');
    const many = `${HEAD}\n${'a,b,c,d,e,1\n'.repeat(50_001)}`;
    expect((await problemOf(readSheet(Buffer.from(many), 'csv', cols))).code).toBe('import_too_many_rows');
  });
});

describe('XLSX files', () => {
  it('reads numbers as exact text and reports formula cells per row', async () => {
    const buf = await xlsx([cols.map((c) => c.header), [110199001001001, '第一网格', '网格', '网格', { formula: '"1101"&"99"', result: '110199' }, 400]]);
    const sheet = await readSheet(buf, 'xlsx', cols);
    expect(sheet.rows[0]!.cells.code).toBe('110199001001001');
    expect(sheet.rows[0]!.cells.households).toBe('400');
    expect(sheet.errors).toEqual([{ path: 'row 2 / 上级编码', code: 'import_formula' }]);
  });

  it('writes codes as text that survive a round trip', async () => {
    const buf = await writeSheet('xlsx', '行政区划', cols, [{ code: '110199001001001', name: '第一网格', level: '网格', kind: '网格', parentCode: '110199001001', households: '420' }]);
    const sheet = await readSheet(buf, 'xlsx', cols);
    expect(sheet.rows[0]!.cells).toEqual({ code: '110199001001001', name: '第一网格', level: '网格', kind: '网格', parentCode: '110199001001', households: '420' });
  });

  it('refuses files that are not XLSX, and archives that would expand too far', async () => {
    expect((await problemOf(readSheet(Buffer.from('PK\u0003\u0004 not really a zip'), 'xlsx', cols))).code).toBe('import_unreadable');
    expect((await problemOf(readSheet(Buffer.from(`${HEAD}\n1,2,3,4,5,6`), 'xlsx', cols))).code).toBe('import_unreadable');
    const real = await xlsx([['a']]);
    expect(zipProblem(real)).toBeNull();
    expect(zipProblem(real, { maxEntries: 2_000, maxTotalBytes: 100 })).toBe('too_large');
    expect(zipProblem(real, { maxEntries: 1, maxTotalBytes: 1e9 })).toBe('too_many_entries');
  });
});
