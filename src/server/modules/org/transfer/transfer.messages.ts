/**
 * Messages of spreadsheet import/export (zh-CN, en-US).
 */
import type { Message } from '../../../platform/http/messages.js';

export const transferMessages: Record<string, Message> = {
  import_invalid: { zh: '文件中有 {count} 处错误，未导入任何数据', en: '{count} problems in the file; nothing was imported' },
  import_headers: { zh: '表头不正确，未导入任何数据', en: 'The header row is wrong; nothing was imported' },
  import_header_unknown: { zh: '无法识别的列', en: 'unknown column' },
  import_header_missing: { zh: '缺少此列', en: 'this column is missing' },
  import_header_duplicate: { zh: '列重复', en: 'duplicate column' },
  import_empty: { zh: '文件为空或没有表头', en: 'The file is empty or has no header row' },
  import_no_rows: { zh: '文件中没有数据行', en: 'The file has no data rows' },
  import_too_many_rows: { zh: '数据行过多（最多 {max} 行）', en: 'Too many rows (at most {max})' },
  import_more_errors: { zh: '另有 {count} 处错误未列出', en: '{count} more problems not listed' },
  import_encoding: { zh: '无法识别文件编码，请另存为 UTF-8 编码的 CSV', en: 'Unknown text encoding; save the file as UTF-8 CSV' },
  import_unreadable: { zh: '无法读取 Excel 文件（文件损坏、格式不符或过大）', en: 'The Excel file cannot be read (damaged, not XLSX, or too large)' },
  import_csv_malformed: { zh: 'CSV 格式错误（约第 {line} 行，可能是引号未闭合）', en: 'Malformed CSV near line {line} (an unclosed quote?)' },
  import_formula: { zh: '不接受公式，请粘贴为数值', en: 'formulas are not accepted; paste values instead' },
  import_cell_error: { zh: '单元格内容无法识别', en: 'the cell cannot be read' },
  import_control_char: { zh: '含有不可见的控制字符', en: 'contains control characters' },
  import_cell_too_long: { zh: '内容过长', en: 'is too long' },
  import_required: { zh: '必填', en: 'is required' },
  import_bad_code: { zh: '编码只能包含字母、数字和 _ . -，最长 40 位', en: 'codes use letters, digits and _ . - (at most 40)' },
  import_bad_value: { zh: '取值无效，可选：{allowed}', en: 'invalid value; allowed: {allowed}' },
  import_bad_number: { zh: '应为 0 到 1000000 的整数', en: 'must be a whole number from 0 to 1000000' },
  import_bad_phone: { zh: '电话号码格式不正确', en: 'is not a phone number' },
  import_duplicate_code: { zh: '编码与第 {first} 行重复', en: 'duplicates the code in row {first}' },
  import_unknown_code: { zh: '引用的编码不存在或无权访问', en: 'refers to a code that does not exist or is not accessible' },
  import_code_unavailable: { zh: '该编码已被占用或无权修改', en: 'the code is taken or not yours to change' },
  import_cannot_move: { zh: '已有记录不能通过导入改变上级、层级、所属节点或类别', en: 'an existing record cannot change its parent, level, node or kind by import' },
  import_root_forbidden: { zh: '只有顶级管理员可以新建区/县', en: 'only top administrators may add districts' },
  import_cycle: { zh: '上级编码形成循环', en: 'the parent codes form a cycle' },
};
