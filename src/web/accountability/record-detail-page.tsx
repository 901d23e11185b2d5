/**
 * 问责记录详情 (/console/accountability/records/:id): the record, and 申诉复查 when its
 * appeal is pending and the caller may review it (the server lists that as an action).
 */
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { FullPageSpin, NotFoundPage } from '../common/page-state.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { useRecord } from './accountability.api.js';
import { ReviewAppealModal } from './appeal-modals.js';
import { RecordDescriptions } from './record-view.js';

export function AccountabilityRecordDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const record = useRecord(valid ? id : 0);
  const [reviewing, setReviewing] = useState(false);

  if (!valid || (isApiProblem(record.error) && record.error.status === 404)) return <NotFoundPage />;
  if (record.isPending) return <FullPageSpin />;
  if (record.error || !record.data) return <ProblemAlert error={record.error} onRetry={() => void record.refetch()} />;
  const r = record.data;

  return (
    <div className="gz-page" data-testid="acc-record-detail">
      <div className="gz-page-header">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex align="center" gap={8}>
            <Link to="/console/accountability/records" aria-label={t('common.back')}><Button type="text" icon={<ArrowLeftOutlined />} /></Link>
            <Typography.Title level={3} style={{ margin: 0 }}>{t('accountability.detail.title', { name: r.personName })}</Typography.Title>
          </Flex>
          <Flex gap={8}>
            {r.actions.includes('review') ? <Button type="primary" onClick={() => setReviewing(true)} data-testid="acc-review-open">{t('accountability.detail.review')}</Button> : null}
            <Button icon={<ReloadOutlined />} onClick={() => void record.refetch()} loading={record.isFetching}>{t('common.refresh')}</Button>
          </Flex>
        </Flex>
      </div>
      <Card size="small"><RecordDescriptions r={r} staffView /></Card>
      {reviewing ? <ReviewAppealModal record={r} onClose={() => setReviewing(false)} onReload={() => void record.refetch()} /> : null}
    </div>
  );
}
