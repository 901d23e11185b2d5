/**
 * The matches of a search, best first: title (a link to the case), state, the excerpt with the
 * words found marked, and number, category, area and submission time. A list rather than a
 * table, so the excerpt reads as a sentence and the rows fold on a phone.
 */
import { Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../i18n/format.js';
import { categoryLeaf } from './case-labels.js';
import type { CaseSearchHit, ExcerptSegment } from './case-search.api.js';
import { useAreaName } from './case-selects.js';
import { StateTag } from './case-table.js';

/** The excerpt as text, the words found in <mark>: the server sends pieces, never markup. */
export function Excerpt({ segments }: { segments: readonly ExcerptSegment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

function Meta({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <span className="gz-search-hit__meta-item" data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text> {children}
    </span>
  );
}

function SearchHit({ hit, areaName, lang }: { hit: CaseSearchHit; areaName: (nodeId: number) => string | null; lang: string }) {
  const { t } = useTranslation();
  const c = hit.case;
  return (
    <li className="gz-search-hit" data-testid={`search-hit-${c.number}`} data-case-id={c.id}>
      <div className="gz-search-hit__head">
        <Link to={`/console/cases/${c.id}`} className="gz-search-hit__title" data-testid="search-hit-link">{c.title}</Link>
        <span className="gz-search-hit__tags">
          {c.urgency === 'emergency' ? <Tag color="red">{t('cases.urgencies.emergency')}</Tag> : null}
          <StateTag state={c.state} testId="search-hit-state" />
        </span>
      </div>
      <p className="gz-search-hit__excerpt" data-testid="search-hit-excerpt">
        <Excerpt segments={hit.excerpt} />
      </p>
      <div className="gz-search-hit__meta">
        <Meta label={t('cases.fields.number')} testId="search-hit-number"><span className="gz-mono">{c.number}</span></Meta>
        <Meta label={t('cases.fields.category')}>
          {c.category ? <Tooltip title={c.category.path}><span>{categoryLeaf(c.category.path)}</span></Tooltip> : '—'}
        </Meta>
        <Meta label={t('cases.fields.area')}>{areaName(c.nodeId) ?? '—'}</Meta>
        <Meta label={t('cases.fields.submitted')}><span className="gz-nowrap">{formatDateTime(c.submittedAt, lang)}</span></Meta>
      </div>
    </li>
  );
}

export function CaseSearchResults({ hits }: { hits: readonly CaseSearchHit[] }) {
  const { i18n } = useTranslation();
  const areaName = useAreaName();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  return (
    <ol className="gz-search-hits" data-testid="case-search-hits">
      {hits.map((h) => <SearchHit key={h.case.id} hit={h} areaName={areaName} lang={lang} />)}
    </ol>
  );
}
