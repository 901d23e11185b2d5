/**
 * 大家都在反映: public cases with their progress, and 我也遇到 — which follows the case and
 * counts once per resident. Anyone may read the list; supporting needs an account, so a
 * visitor who taps it is sent to sign in and brought back here.
 */
import { Button, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/problem-alert.js';
import { CaseCard } from './case-card.js';
import { PageHead } from './mobile-layout.js';
import { usePublicCases } from './resident.api.js';
import { SupportButton } from './support-button.js';

export function PublicCasesPage() {
  const { t } = useTranslation();
  const cases = usePublicCases();
  // What this visit changed: the count the server answered, and that the resident now follows the case.
  const [supported, setSupported] = useState<Map<number, number>>(new Map());
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="gz-res__page" data-testid="public-cases">
      <PageHead title={t('resident.public.title')} />
      <Typography.Text type="secondary">{t('resident.public.subtitle')}</Typography.Text>
      {cases.error ? <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.isPending ? <Skeleton active /> : null}
      {cases.isSuccess && items.length === 0 ? <Empty description={t('resident.public.empty')} /> : null}
      <Flex vertical gap={10}>
        {items.map((c) => (
          <CaseCard
            key={c.id}
            c={c}
            showDescription
            footer={
              <>
                <span />
                <SupportButton c={c} count={supported.get(c.id) ?? c.supportCount} supported={supported.has(c.id)} onSupported={(n) => setSupported((m) => new Map(m).set(c.id, n))} />
              </>
            }
          />
        ))}
      </Flex>
      {cases.hasNextPage ? <Button block loading={cases.isFetchingNextPage} onClick={() => void cases.fetchNextPage()} data-testid="load-more">{t('common.loadMore')}</Button> : null}
    </div>
  );
}
