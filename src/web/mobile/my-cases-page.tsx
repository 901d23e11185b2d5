/**
 * 我的诉求: the resident's cases as cards, newest first; a card opens the case.
 */
import { Button, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../common/problem-alert.js';
import { CaseCard } from './case-card.js';
import { PageHead } from './mobile-layout.js';
import { useMyCases } from './resident.api.js';

export function MyCasesPage() {
  const { t } = useTranslation();
  const cases = useMyCases();
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const total = cases.data?.pages[0]?.total ?? 0;
  return (
    <div className="gz-res__page" data-testid="my-cases">
      <PageHead title={t('resident.tabs.cases')} extra={total > 0 ? <Typography.Text type="secondary">{t('resident.list.count', { count: total })}</Typography.Text> : null} />
      {cases.error ? <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.isPending ? <Skeleton active /> : null}
      {cases.isSuccess && items.length === 0 ? (
        <Empty description={t('resident.list.empty')} data-testid="my-cases-empty">
          <Link to="/m/new"><Button type="primary">{t('resident.list.emptyAction')}</Button></Link>
        </Empty>
      ) : null}
      <Flex vertical gap={10}>
        {items.map((c) => <CaseCard key={c.id} c={c} to={`/m/cases/${c.id}`} />)}
      </Flex>
      {cases.hasNextPage ? <Button block loading={cases.isFetchingNextPage} onClick={() => void cases.fetchNextPage()} data-testid="load-more">{t('common.loadMore')}</Button> : null}
    </div>
  );
}
