/**
 * The 16-digit receipt of a 监督举报: how it is shown (four groups of four, so a person can
 * copy it onto paper without losing their place) and what a person may type to follow up
 * (spaces, dashes, full-width digits from a Chinese keyboard). Pure, so it is unit-tested.
 *
 * The receipt is the only way back to an anonymous report. It lives in component state and
 * nowhere else: never in the address, localStorage, sessionStorage, cookies or a query cache.
 */
export const RECEIPT_DIGITS = 16;
const GROUP = 4;

// NFKC turns full-width digits (０-９) and the full-width hyphen into ASCII; the other
// dashes an input method may produce (‐ ‑ ‒ – — ― －) and any white space are separators.
const SEPARATORS = /[\s\-\u2010-\u2015\uff0d]/g;

/** The 16 digits of what a person typed, or undefined when it is not a receipt. */
export function receiptDigits(typed: string): string | undefined {
  const digits = typed.normalize('NFKC').replace(SEPARATORS, '');
  return new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(digits) ? digits : undefined;
}

/** The receipt as groups of four digits: "1234567890123456" → ["1234", "5678", "9012", "3456"]. */
export function receiptGroups(receipt: string): string[] {
  const groups: string[] = [];
  for (let i = 0; i < receipt.length; i += GROUP) groups.push(receipt.slice(i, i + GROUP));
  return groups;
}

/** "1234 5678 9012 3456": the form shown, copied and read aloud. */
export function formatReceipt(receipt: string): string {
  return receiptGroups(receipt).join(' ');
}

/** How many digits have been typed so far (for the hint under the field). */
export function typedDigitCount(typed: string): number {
  return (typed.normalize('NFKC').match(/\d/g) ?? []).length;
}
