/**
 * The shipped messages with votes (assets/data/messages-with-votes.jsonl.gz: 4,326 real
 * messages of a city's message board, 2019–2020, with likes) as hot-issue items, for
 * tests, the benchmark and experiments. The data's places are anonymized ("A市", "A3区",
 * "A7县"); an item's place is the first district or county its title or text names, and the
 * anonymized names are cut out of the texts.
 */
import { readShippedJsonl } from '../../../platform/data/shipped.js';
import type { HotItem } from './hot-issues.js';

interface VoteLine {
  id: string;
  title: string;
  body: string;
  submitted_at: string;
  likes: number;
  against: number;
}

/** Midnight of 1899-12-30, day 0 of spreadsheet serial dates (some lines carry one). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** "2019/4/25 9:32:09" (China time) or a spreadsheet serial day "43699.52" → the instant. */
export function parseSubmittedAt(value: string): Date | undefined {
  const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (m) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) - CHINA_OFFSET_MS);
  if (/^\d{5}(?:\.\d+)?$/.test(value.trim())) return new Date(Math.round(SERIAL_EPOCH + Number(value) * 86_400_000) - CHINA_OFFSET_MS);
  return undefined;
}

const DISTRICT = /A\d{1,2}[区县市]/u;
/** The anonymized names (A市, A3区, A7县, L市): glued to the next word by the segmenter (区丽发), so cut out. */
const ANONYMIZED = /[A-Z]\d{0,2}[省市区县]/gu;

/** The messages with votes as items: id, text, time, place (the district named first), weight 1 + likes. */
export function shippedVoteItems(): HotItem[] {
  const out: HotItem[] = [];
  for (const m of readShippedJsonl<VoteLine>('messages-with-votes')) {
    const at = parseSubmittedAt(m.submitted_at);
    if (!at) continue;
    const district = DISTRICT.exec(m.title)?.[0] ?? DISTRICT.exec(m.body)?.[0];
    out.push({
      id: m.id,
      title: m.title.replace(ANONYMIZED, ' '),
      body: m.body.replace(ANONYMIZED, ' '),
      at,
      place: district ? { id: district, name: district } : null,
      weight: 1 + Math.max(0, m.likes),
    });
  }
  return out;
}
