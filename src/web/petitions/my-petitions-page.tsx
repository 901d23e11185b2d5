/**
 * 我的信访 (/m/petitions): the resident's own petitions as cards, newest first — number,
 * state, matter, when submitted and the handling unit; a card opens the petition. The server
 * lists the caller's own only (`mine`), never anyone else's.
 */
import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../common/problem-alert.js';
import { formatDateTime } from '../i18n/format.js';
import { PageHead } from '../mobile/mobile-layout.js';
import { PetitionStateTag } from './petition-labels.js';
import { usePetitions, type PetitionListItem } from './petitions.api.js';

function PetitionCard({ p }: { p: PetitionListItem }) {
  const { t, i18n } = useTranslation();
  return (
    <Link to={`/m/petitions/${p.id}`} className="gz-res-cardlink">
      <Card className="gz-res-card" hoverable data-testid={`my-petition-${p.number}`}>
        <div className="gz-res-card__top">
          <span className="gz-res-card__number">{p.number}</span>
          <PetitionStateTag state={p.state} />
        </div>
        <div className="gz-res-card__title">{p.title}</div>
        <div className="gz-res-card__meta">
          <span>{t(`petitions.channels.${p.channel}`)} · {formatDateTime(p.receivedAt, i18n.resolvedLanguage ?? 'zh-CN')}</span>
          {p.handler ? <span>{t('petitions.resident.handler')}：{p.handler.name}</span> : null}
          {p.final ? <span>{t('petitions.fields.final')}</span> : null}
        </div>
      </Card>
    </Link>
  );
}

export function MyPetitionsPage() {
  const { t } = useTranslation();
  const list = usePetitions({ mine: 'true', limit: 100, offset: 0 });
  const items = list.data?.items ?? [];
  return (
    <div className="gz-res__page" data-testid="my-petitions">
      <PageHead title={t('petitions.resident.listTitle')} back="/m" extra={<Link to="/m/petitions/new"><Button type="primary" size="small" data-testid="my-petitions-new">{t('petitions.resident.newButton')}</Button></Link>} />
      {list.error ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Skeleton active /> : null}
      {list.isSuccess && items.length === 0 ? (
        <Empty description={t('petitions.resident.empty')} data-testid="my-petitions-empty">
          <Typography.Text type="secondary">{t('petitions.resident.newHint')}</Typography.Text>
        </Empty>
      ) : null}
      <Flex vertical gap={10}>
        {items.map((p) => <PetitionCard key={p.id} p={p} />)}
      </Flex>
    </div>
  );
}
