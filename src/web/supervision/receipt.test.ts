import { describe, expect, test } from 'vitest';
import { parseReceipt } from '../../server/platform/crypto/receipts.js';
import { formatReceipt, RECEIPT_DIGITS, receiptDigits, receiptGroups, typedDigitCount } from './receipt.js';

describe('the receipt as shown', () => {
  test('four groups of four digits', () => {
    expect(receiptGroups('1234567890123456')).toEqual(['1234', '5678', '9012', '3456']);
    expect(formatReceipt('0012003400560078')).toBe('0012 0034 0056 0078');
    expect(formatReceipt('0012003400560078').replaceAll(' ', '')).toHaveLength(RECEIPT_DIGITS);
  });
});

describe('the receipt as typed', () => {
  test('spaces, dashes and full-width digits are accepted; the digits come back', () => {
    for (const typed of ['1234567890123456', '1234 5678 9012 3456', '1234-5678-9012-3456', ' 1234\t5678\n9012 3456 ', '1234—5678–9012－3456', '１２３４５６７８９０１２３４５６']) {
      expect(receiptDigits(typed), typed).toBe('1234567890123456');
    }
  });

  test('anything but 16 digits is not a receipt', () => {
    for (const typed of ['', '123456789012345', '12345678901234567', '1234 5678 9012 345a', 'ABCD-EFGH-JKMN-PQRS', '1234.5678.9012.3456']) {
      expect(receiptDigits(typed), typed).toBeUndefined();
    }
  });

  test('the page accepts what the server accepts (the server gets the bare digits)', () => {
    for (const typed of ['1234 5678 9012 3456', '1234-5678-9012-3456', '１２３４５６７８９０１２３４５６', '123', '1234 5678 9012 345a']) {
      const digits = receiptDigits(typed);
      expect(digits, typed).toBe(parseReceipt(typed));
      if (digits) expect(parseReceipt(digits)).toBe(digits);
    }
  });

  test('the digit count under the field', () => {
    expect(typedDigitCount('1234 56')).toBe(6);
    expect(typedDigitCount('１２-3')).toBe(3);
    expect(typedDigitCount('')).toBe(0);
  });
});
