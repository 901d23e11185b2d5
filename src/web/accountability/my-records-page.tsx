/**
 * 我的问责记录 (/console/me/accountability): the signed-in cadre's own records, each with its
 * grounds and state, and 申诉 — once per record — while it has not been appealed.
 */
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../auth/me-context.js';
import { PageHeader } from '../common/page-header.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { useRecords, type AccountabilityRecord } from './accountability.api.js';
import { AppealModal } from './appeal-modals.js';
import { RecordDescriptions } from './record-view.js';

export function MyAccountabilityPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const list = useRecords(me.personId ?? 0);
  const [appealing, setAppealing] = useState<AccountabilityRecord | null>(null);
  const mine = me.personId === null ? [] : (list.data?.items ?? []);

  return (
    <div className="gz-page" data-testid="acc-mine-page">
      <PageHeader title={t('accountability.mine.title')} hint={t('accountability.mine.hint')} />
      {list.error ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {mine.length === 0 && !list.isPending ? <Empty description={t(me.personId === null ? 'accountability.mine.noPerson' : 'accountability.mine.empty')} /> : null}
      <Flex vertical gap={16}>
        {mine.map((r) => (
          <Card key={r.id} size="small" data-testid={`acc-mine-${r.id}`}
            extra={r.actions.includes('appeal') ? <Button type="primary" onClick={() => setAppealing(r)} data-testid="acc-appeal-open">{t('accountability.mine.appeal')}</Button> : null}
            title={<Typography.Text>{t(`accountability.measures.${r.measure as 'talk_reminder'}`)} · {r.decidedOn}</Typography.Text>}>
            <RecordDescriptions r={r} staffView={false} />
          </Card>
        ))}
      </Flex>
      {appealing ? <AppealModal record={appealing} onClose={() => setAppealing(null)} onReload={() => void list.refetch()} /> : null}
    </div>
  );
}
