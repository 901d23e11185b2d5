/**
 * One record as the pages show it: the measure, who decided and when, the summary, the
 * grounds (a case ground opens the case, a review item its page), what a 通报批评 was
 * published to, and the appeal with its review.
 */
import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAreaName } from '../cases/case-selects.js';
import { formatDateTime } from '../i18n/format.js';
import type { AccountabilityRecord, Ground } from './accountability.api.js';
import { AppealTag, caseLink, MeasureTag } from './accountability-labels.js';

function GroundLine({ g, linkItems }: { g: Ground; linkItems: boolean }) {
  const { t } = useTranslation();
  const ref = g.kind === 'case' ? <Link to={caseLink(g.ref)} className="gz-mono">{g.ref}</Link>
    : g.kind === 'review_item' && linkItems ? <Link to={`/console/accountability/review-items/${g.ref}`}>#{g.ref}</Link>
      : <span className={g.kind === 'other' ? undefined : 'gz-mono'}>{g.ref}</span>;
  return (
    <Flex gap={6} align="baseline" wrap data-testid="acc-ground">
      <Tag>{t(`accountability.groundKinds.${g.kind}`)}</Tag>
      {ref}
      {g.note ? <Typography.Text type="secondary">{g.note}</Typography.Text> : null}
    </Flex>
  );
}

function Publication({ p }: { p: NonNullable<AccountabilityRecord['publication']> }) {
  const { t } = useTranslation();
  const areaName = useAreaName();
  const roles = p.roles ? p.roles.map((r) => t(`roles.${r}` as 'roles.cadre')).join('、') : t('accountability.detail.allStaff');
  return <span data-testid="acc-publication">{t('accountability.detail.publishedTo', { area: areaName(p.nodeId) ?? `#${p.nodeId}`, roles, count: p.recipients })}</span>;
}

/** `staffView`: review items link to their pages (the person sees the ground without a link). */
export function RecordDescriptions({ r, staffView }: { r: AccountabilityRecord; staffView: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const D = Descriptions.Item;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="acc-record">
      <D label={t('accountability.records.person')}><span data-testid="acc-record-person">{r.personName}</span></D>
      <D label={t('accountability.records.measure')}><MeasureTag record={r} /></D>
      <D label={t('accountability.records.decidedBy')}>{r.decidedBy}</D>
      <D label={t('accountability.records.decidedOn')}>{r.decidedOn}</D>
      <D label={t('accountability.form.summary')} span={2}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.summary}</Typography.Paragraph></D>
      <D label={t('accountability.form.grounds')} span={2}>
        <Flex vertical gap={4}>{r.grounds.map((g, i) => <GroundLine key={i} g={g} linkItems={staffView} />)}</Flex>
      </D>
      {r.form === 'circulated' ? <D label={t('accountability.detail.publication')} span={2}>{r.publication ? <Publication p={r.publication} /> : t('accountability.detail.notPublished')}</D> : null}
      <D label={t('accountability.records.appeal')} span={2}><AppealTag appeal={r.appeal} testId="acc-appeal-state" /></D>
      {r.appealText ? <D label={t('accountability.detail.appealText')} span={2}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="acc-appeal-text-shown">{r.appealText}</Typography.Paragraph>{r.appealedAt ? <Typography.Text type="secondary">{formatDateTime(r.appealedAt, lang)}</Typography.Text> : null}</D> : null}
      {r.reviewNote ? <D label={t('accountability.detail.reviewNote')} span={2}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="acc-review-note-shown">{r.reviewNote}</Typography.Paragraph>{r.reviewedAt ? <Typography.Text type="secondary">{formatDateTime(r.reviewedAt, lang)}</Typography.Text> : null}</D> : null}
    </Descriptions>
  );
}
