/**
 * The header's bell: the unread count, and on click the latest notifications. Opening one
 * marks it read and follows its link; "mark all read" clears the count.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TIME_ZONE } from '../i18n/format.js';
import { useMarkAllRead, useMarkRead, useMyNotifications, type Notification } from './notify.api.js';

/** "03/05 14:07" in the deployment's zone: the list is recent, the year adds nothing. */
function shortTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** Only links inside the app are followed (a message never sends the user elsewhere). */
function internalLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

function NotificationItem({ n, lang, onOpen }: { n: Notification; lang: string; onOpen: (n: Notification) => void }) {
  const unread = n.readAt === null;
  return (
    <button
      type="button"
      onClick={() => onOpen(n)}
      data-testid={`notification-${n.id}`}
      style={{
        display: 'block', width: '100%', textAlign: 'left', border: 0, borderBottom: '1px solid rgba(0,0,0,0.06)',
        background: unread ? 'rgba(29,95,191,0.06)' : 'transparent', padding: '8px 12px', cursor: 'pointer',
      }}
    >
      <Flex justify="space-between" gap={8} align="baseline">
        <Typography.Text strong={unread} ellipsis style={{ maxWidth: 230 }}>{n.title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{shortTime(n.createdAt, lang)}</Typography.Text>
      </Flex>
      {n.body ? <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>{n.body}</Typography.Paragraph> : null}
    </button>
  );
}

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useMyNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const lang = i18n.resolvedLanguage ?? 'zh-CN';

  const openItem = (n: Notification) => {
    if (n.readAt === null) markRead.mutate(n.id);
    const link = internalLink(n.link);
    if (link) {
      setOpen(false);
      void navigate(link);
    }
  };

  const content = (
    // Right-aligned under the bell, which sits left of the account menu: on phones the panel may use the screen less that menu.
    <div style={{ width: 340, maxWidth: 'calc(100vw - 96px)' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ padding: '4px 12px 8px', borderBottom: '1px solid rgba(0,0,0,0.06)' }}>
        <Typography.Text strong>{t('notify.bell.title')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notification-read-all">
          {t('notify.bell.readAll')}
        </Button>
      </Flex>
      {list.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}><Spin /></Flex>
      ) : list.error ? (
        <Typography.Paragraph type="danger" style={{ padding: 12, margin: 0 }}>{t('errors.loadFailed')}</Typography.Paragraph>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.bell.empty')} />
      ) : (
        <div style={{ maxHeight: 400, overflowY: 'auto' }}>
          {items.map((n) => <NotificationItem key={n.id} n={n} lang={lang} onOpen={openItem} />)}
        </div>
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      <Button type="text" aria-label={t('notify.bell.label', { count: unread })} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
