/**
 * 附近已有类似诉求: while a resident writes a matter, open public cases near the chosen place
 * that read alike, each with 我也遇到 — following one of them is often better than filing the
 * same thing again. Only a hint: it asks once the title has a few characters and a place is
 * chosen, after typing pauses; it never blocks submitting, and a failed look-up hides it.
 */
import { Card, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../common/use-debounced.js';
import { formatMinute, label, StateTag } from './labels.js';
import { similarProbe } from './case-helpers.js';
import { useSimilarMatters, type SimilarProbe } from './resident.api.js';
import { SupportButton } from './support-button.js';

const PAUSE_MS = 600;

export function SimilarMatters({ title, description, nodeId }: { title: string | undefined; description: string | undefined; nodeId: number | undefined }) {
  const { t, i18n } = useTranslation();
  // Compared as text, so the same words typed again are the same look-up.
  const probeText = useDebounced(JSON.stringify(similarProbe(title, description, nodeId)), PAUSE_MS);
  const probe = useMemo(() => JSON.parse(probeText) as SimilarProbe | null, [probeText]);
  const similar = useSimilarMatters(probe);
  const [supported, setSupported] = useState<Map<number, number>>(new Map());

  const items = similar.data ?? [];
  if (!probe || similar.error || items.length === 0) return null;
  return (
    <div className="gz-res-similar" role="region" aria-label={t('resident.similar.title')} data-testid="similar-box">
      <Typography.Text strong className="gz-res-similar__title">{t('resident.similar.title')}</Typography.Text>
      <Typography.Paragraph type="secondary" className="gz-res-similar__hint">{t('resident.similar.hint')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        {items.map(({ case: c }) => (
          <Card key={c.id} size="small" className="gz-res-card" data-testid={`similar-${c.number}`} data-case-id={c.id}>
            <div className="gz-res-card__top">
              <span className="gz-res-card__number">{c.number}</span>
              <StateTag state={c.state} />
            </div>
            <div className="gz-res-card__title" data-testid="similar-title">{c.title}</div>
            <p className="gz-res-card__desc">{c.description.length > 80 ? `${c.description.slice(0, 80)}…` : c.description}</p>
            <div className="gz-res-card__foot">
              <span className="gz-res-card__meta">
                {label(t, 'types', c.type)} · {formatMinute(c.submittedAt, i18n.language)}
              </span>
              <SupportButton c={c} count={supported.get(c.id) ?? c.supportCount} supported={supported.has(c.id)} onSupported={(n) => setSupported((m) => new Map(m).set(c.id, n))} back="/m/new" />
            </div>
          </Card>
        ))}
      </Flex>
    </div>
  );
}
