/**
 * A step's due time relative to now ("3 小时后", "2 天前"), red once it has passed, with the
 * exact time (Asia/Shanghai) on hover. Re-renders every minute.
 */
import { Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';

export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

const rtfCache = new Map<string, Intl.RelativeTimeFormat>();

/** "in 3 hours" / "2 days ago" in the UI language, at a sensible unit. */
export function relativeTime(iso: string, now: number, lang: string): string {
  let rtf = rtfCache.get(lang);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    rtfCache.set(lang, rtf);
  }
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  const abs = Math.abs(minutes);
  if (abs < 60) return rtf.format(minutes, 'minute');
  if (abs < 48 * 60) return rtf.format(Math.round(minutes / 60), 'hour');
  return rtf.format(Math.round(minutes / 1440), 'day');
}

export function DueText({ due, overdue, testId }: { due: string | null; overdue?: boolean; testId?: string }) {
  const { i18n } = useTranslation();
  const now = useNow();
  if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const late = overdue || new Date(due).getTime() <= now;
  return (
    <Tooltip title={formatDateTime(due, lang)}>
      <Typography.Text type={late ? 'danger' : undefined} strong={late} className="gz-nowrap" data-testid={testId} data-overdue={late ? 'true' : 'false'}>
        {relativeTime(due, now, lang)}
      </Typography.Text>
    </Tooltip>
  );
}
