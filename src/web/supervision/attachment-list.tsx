/**
 * A report's attachments as each side sees them. The reporter (with the receipt) sees what
 * they sent — name, size, when — but cannot download: the server keeps no way back to the
 * files for a receipt. The inspector sees them grouped by the message they came with, each a
 * plain download link (same-origin session; the server audits every opening).
 */
import { DownloadOutlined, FileOutlined } from '@ant-design/icons';
import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';
import { formatSize, groupAttachments } from './attachments.js';
import type { FollowUpAttachment } from './reporter.api.js';
import { attachmentUrl, type Report } from './supervision.api.js';
import './supervision.css';

/** The reporter's list, oldest first. */
export function ReporterAttachments({ attachments }: { attachments: readonly FollowUpAttachment[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  if (attachments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.files.none')} data-testid="sv-attachments" />;
  const sorted = [...attachments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  return (
    <ul className="gz-sv-files__list" data-testid="sv-attachments">
      {sorted.map((a) => (
        <li key={a.id} className="gz-sv-file" data-testid="sv-attachment">
          <FileOutlined className="gz-sv-file__icon" />
          <Flex vertical className="gz-sv-file__main">
            <span className="gz-sv-file__name" title={a.name} data-testid="sv-attachment-name">{a.name}</span>
            <span className="gz-sv-file__meta">
              {formatSize(a.size)} · {a.messageId === null ? t('supervision.files.withReport') : t('supervision.files.withMaterial')} · <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, lang)}</time>
            </span>
          </Flex>
        </li>
      ))}
    </ul>
  );
}

/** The inspector's list: what came with the report, then what came with each later message. */
export function InspectorAttachments({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  if (report.attachments.length === 0) return <Typography.Text type="secondary" data-testid="sv-attachments">{t('supervision.files.none')}</Typography.Text>;
  const groups = groupAttachments(report.attachments, report.messages);
  return (
    <Flex vertical gap={12} data-testid="sv-attachments">
      {groups.map((g) => {
        const when = g.message?.createdAt ?? g.items[0]!.createdAt;
        const heading =
          g.messageId === null
            ? t('supervision.files.filedWith')
            : t('supervision.files.cameWith', { kind: t(`supervision.kinds.${g.message?.kind ?? 'material'}`), time: formatDateTime(when, lang) });
        return (
          <section key={g.messageId ?? 'report'} className="gz-sv-files__group" data-testid={g.messageId === null ? 'sv-attachments-report' : `sv-attachments-msg-${g.messageId}`}>
            <Typography.Text strong style={{ fontSize: 13 }}>{heading}</Typography.Text>
            {g.message ? <div className="gz-sv-files__quote">{g.message.body}</div> : null}
            <ul className="gz-sv-files__list">
              {g.items.map((a) => (
                <li key={a.id} className="gz-sv-file" data-testid="sv-attachment">
                  <FileOutlined className="gz-sv-file__icon" />
                  <Flex vertical className="gz-sv-file__main">
                    <a href={attachmentUrl(report.id, a.id)} download={a.name} className="gz-sv-file__name" title={a.name} data-testid={`sv-attachment-${a.id}`}>{a.name}</a>
                    <span className="gz-sv-file__meta">{formatSize(a.size)} · {a.mime} · <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, lang)}</time></span>
                  </Flex>
                  <a href={attachmentUrl(report.id, a.id)} download={a.name} aria-label={t('supervision.files.download', { name: a.name })} className="gz-sv-file__download">
                    <DownloadOutlined />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Flex>
  );
}
