/**
 * 疑似重复 on a case's page: open cases of the same community from the last 60 days that read
 * like this one (number, title, state, area, how alike), each with 合并到此件 when the caller
 * may merge this case (its `actions`): the merge form opens with that case filled in.
 */
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../common/problem-alert.js';
import { useAreaName } from './case-selects.js';
import { StateTag } from './case-table.js';
import { useSimilarCases, type CaseItem } from './cases.api.js';

export function SimilarCasesCard({ c, onMerge }: { c: CaseItem; onMerge: (into: CaseItem) => void }) {
  const { t } = useTranslation();
  const similar = useSimilarCases(c.id);
  const areaName = useAreaName();
  const canMerge = c.actions.includes('merge');
  const items = similar.data ?? [];
  // Nothing alike and nothing to do about it: no card.
  if (similar.isSuccess && items.length === 0 && !canMerge) return null;
  return (
    <Card size="small" title={t('insight.similar.title')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('insight.similar.hint')}</Typography.Text>} loading={similar.isPending} data-testid="case-similar">
      {similar.error ? (
        <ProblemAlert error={similar.error} onRetry={() => void similar.refetch()} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insight.similar.empty')} data-testid="case-similar-empty" />
      ) : (
        <ul className="gz-similar-list">
          {items.map(({ case: s, score }) => (
            <li key={s.id} className="gz-similar" data-testid={`similar-case-${s.number}`}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
                  <span>
                    <Link to={`/console/cases/${s.id}`} className="gz-mono" style={{ marginInlineEnd: 8 }}>{s.number}</Link>
                    <span className="gz-similar__title">{s.title}</span>
                  </span>
                  <Flex gap={4} wrap align="center">
                    <StateTag state={s.state} />
                    <Tag color="blue" data-testid="similar-score">{t('insight.similar.score', { percent: Math.round(score * 100) })}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{areaName(s.nodeId) ?? ''}</Typography.Text>
                  </Flex>
                </Flex>
                {canMerge ? (
                  <Button size="small" onClick={() => onMerge(s)} data-testid={`similar-merge-${s.number}`}>{t('insight.similar.merge')}</Button>
                ) : null}
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
