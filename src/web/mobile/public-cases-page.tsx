/**
 * 大家都在反映: public cases with their progress, and 我也遇到 — which follows the case and
 * counts once per resident. Anyone may read the list; supporting needs an account, so a
 * visitor who taps it is sent to sign in and brought back here.
 */
import { LikeFilled, LikeOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../auth/auth.api.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { useProblem } from '../common/use-problem.js';
import { CaseCard } from './case-card.js';
import { PageHead } from './mobile-layout.js';
import { usePublicCases, useSupport, type CaseView } from './resident.api.js';

function SupportButton({ c, count, supported, onSupported }: { c: CaseView; count: number; supported: boolean; onSupported: (count: number) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const support = useSupport();
  const report = useProblem();
  const click = () => {
    if (!me) {
      void message.info(t('resident.public.signInFirst'));
      void navigate(`/login?next=${encodeURIComponent('/m/public')}`);
      return;
    }
    support.mutate(c.id, {
      onSuccess: (out) => {
        onSupported(out.supportCount);
        void message.success(out.added ? t('resident.public.supportedHint') : t('resident.public.alreadySupported'));
      },
      onError: (e) => report(e),
    });
  };
  return (
    <Button
      type={supported ? 'primary' : 'default'}
      ghost={supported}
      icon={supported ? <LikeFilled /> : <LikeOutlined />}
      loading={support.isPending}
      onClick={click}
      data-testid="support-button"
      data-case-id={c.id}
    >
      {supported ? t('resident.public.supported') : t('resident.public.support')} · <span data-testid="support-count">{count}</span>
    </Button>
  );
}

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
