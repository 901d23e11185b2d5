/**
 * A short excerpt of a text around the words a search matched, as segments the UI renders
 * (`hit` ones highlighted) — never HTML, so a case's text cannot inject markup.
 */
export interface Segment {
  text: string;
  hit: boolean;
}

/** Up to `width` characters of `text` starting a little before the first of `needles`, with every occurrence marked. */
export function excerpt(text: string, needles: readonly string[], width = 80): Segment[] {
  const words = [...new Set(needles.filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  const first = Math.min(...words.map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
  let start = Number.isFinite(first) ? Math.max(0, first - Math.floor(width / 4)) : 0;
  let end = Math.min(text.length, start + width);
  // Never cut a character outside the Basic Multilingual Plane (𠀀, emoji) in two.
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
  const window = text.slice(start, end);
  const segments = mark(window, words);
  if (start > 0) segments.unshift({ text: '…', hit: false });
  if (end < text.length) segments.push({ text: '…', hit: false });
  return segments;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Splits `text` into plain and hit segments, longest needle first at each position. */
function mark(text: string, words: readonly string[]): Segment[] {
  const out: Segment[] = [];
  const lower = text.toLowerCase();
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const w = words.find((n) => lower.startsWith(n.toLowerCase(), i));
    if (w) {
      if (plain) out.push({ text: plain, hit: false });
      plain = '';
      out.push({ text: text.slice(i, i + w.length), hit: true });
      i += w.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain) out.push({ text: plain, hit: false });
  return out;
}
