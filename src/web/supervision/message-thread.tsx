/**
 * What the reporter and the case officers said to each other, oldest first, as both sides
 * see it: the reporter is "我" on their own page and "举报人" in the console; officers are
 * never named (the reporter must not learn who handles the report). Questions to the
 * reporter and the conclusion stand out, so a question is not missed on a phone; officers'
 * internal notes (a transfer's reason) show only in the console.
 */
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';
import { threadOrder, type ThreadMessage } from './report-flow.js';
import './supervision.css';

export function MessageThread({ messages, viewer }: { messages: readonly ThreadMessage[]; viewer: 'reporter' | 'inspector' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  // The server never sends officers' internal notes to the reporter; should one slip through, it is not shown.
  const shown = viewer === 'reporter' ? messages.filter((m) => m.kind !== 'internal') : messages;
  if (shown.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.thread.empty')} data-testid="sv-thread" />;
  return (
    <ol className="gz-sv-thread" data-testid="sv-thread">
      {threadOrder(shown).map((m) => {
        const author = m.author === 'reporter' && viewer === 'reporter' ? t('supervision.authors.reporterSelf') : t(`supervision.authors.${m.author}`);
        return (
          <li key={m.id} className={`gz-sv-msg gz-sv-msg--${m.author} gz-sv-msg--${m.kind}`} data-testid={`sv-msg-${m.kind}`} data-author={m.author}>
            <div className="gz-sv-msg__head">
              <span className="gz-sv-msg__who">{t('supervision.thread.labelled', { author, kind: t(`supervision.kinds.${m.kind}`) })}</span>
              <time className="gz-sv-msg__time" dateTime={m.createdAt}>{formatDateTime(m.createdAt, lang)}</time>
            </div>
            <div className="gz-sv-msg__body">{m.body}</div>
          </li>
        );
      })}
    </ol>
  );
}
