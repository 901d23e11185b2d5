/**
 * Dates are shown in the deployment's zone (Asia/Shanghai), whatever the browser's zone is,
 * so that a cadre travelling abroad and the audit trail agree on "when".
 */
export const TIME_ZONE = 'Asia/Shanghai';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      timeZone: TIME_ZONE,
      year: 'numeric', month: '2-digit', day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

/** "2026/03/05 14:07:09" in Asia/Shanghai. */
export function formatDateTime(iso: string | Date, lang: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return Number.isNaN(d.getTime()) ? String(iso) : formatter(lang, true).format(d);
}

/** A calendar day picked in the UI ("2026-03-05") as an instant at the start or end of that day in Asia/Shanghai. */
export function shanghaiDayBoundary(day: string, edge: 'start' | 'end'): string {
  // Asia/Shanghai has had no daylight saving since 1991, so the offset is fixed.
  return edge === 'start' ? `${day}T00:00:00.000+08:00` : `${day}T23:59:59.999+08:00`;
}
