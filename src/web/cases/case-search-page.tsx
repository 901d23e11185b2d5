/**
 * 全文检索: cases found by the words of their title, description, address and replies, best
 * match first, with the words marked in an excerpt; narrowed by state, category, area and
 * days. The query, filters and page live in the address (see case-search-params.ts).
 */
import { Button, Empty, Input, Pagination, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../common/page-header.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { filtersOf, readSearchState, SEARCH_MAX_RESULTS, SEARCH_PAGE_SIZE, searchQueryOf, searchStateParams, type SearchState } from './case-search-params.js';
import { useCaseSearch } from './case-search.api.js';
import { CaseSearchFilters } from './case-search-filters.js';
import { CaseSearchResults } from './case-search-results.js';

/** The server's limit on a query (CaseSearchQuery.q). */
const MAX_QUERY = 100;

export function CaseSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const s = useMemo(() => readSearchState(params), [params]);
  const query = useMemo(() => searchQueryOf(s), [s]);
  const result = useCaseSearch(query);
  // Each search is a step in the browser's history, so the back button returns to the last one.
  const go = (next: SearchState) => setParams(searchStateParams(next));

  // The box follows the address (back button, a shared link) and is the user's while typing.
  const [text, setText] = useState(s.q);
  const [shown, setShown] = useState(s.q);
  if (shown !== s.q) {
    setShown(s.q);
    setText(s.q);
  }

  const data = query ? result.data : undefined;
  const stale = result.isPlaceholderData || result.isFetching;

  let content;
  if (!query) {
    content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.search.idle')} data-testid="case-search-idle" />;
  } else if (result.error) {
    content = <ProblemAlert error={result.error} onRetry={() => void result.refetch()} />;
  } else if (!data) {
    content = <div className="gz-center" style={{ minHeight: 200 }}><Spin /></div>;
  } else if (data.total === 0) {
    content = (
      <Empty description={<>{t('cases.search.empty', { q: s.q })}<br /><Typography.Text type="secondary">{t('cases.search.emptyHint')}</Typography.Text></>} data-testid="case-search-empty" />
    );
  } else if (data.items.length === 0) {
    // A page past the end (an old link, or cases closed meanwhile).
    content = (
      <Empty description={t('cases.search.pastEnd')} data-testid="case-search-past-end">
        <Button onClick={() => go({ ...s, page: 1 })}>{t('cases.search.firstPage')}</Button>
      </Empty>
    );
  } else {
    content = (
      <>
        <CaseSearchResults hits={data.items} />
        {data.total > SEARCH_MAX_RESULTS ? (
          <Typography.Paragraph type="secondary" data-testid="case-search-capped">{t('cases.search.capped', { max: SEARCH_MAX_RESULTS })}</Typography.Paragraph>
        ) : null}
        <Pagination
          className="gz-search-pager"
          current={s.page}
          pageSize={SEARCH_PAGE_SIZE}
          total={Math.min(data.total, SEARCH_MAX_RESULTS)}
          showSizeChanger={false}
          responsive
          onChange={(page) => {
            go({ ...s, page });
            window.scrollTo({ top: 0 });
          }}
          data-testid="case-search-pager"
        />
      </>
    );
  }

  return (
    <div className="gz-page" data-testid="case-search-page">
      <PageHeader title={t('cases.search.title')} hint={t('cases.search.hint')} />
      <Input.Search
        className="gz-search-box"
        size="large"
        allowClear
        enterButton={t('cases.search.button')}
        value={text}
        maxLength={MAX_QUERY}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => go({ ...s, q: v.trim(), page: 1 })}
        placeholder={t('cases.search.placeholder')}
        aria-label={t('cases.search.title')}
        data-testid="case-search-input"
      />
      <CaseSearchFilters value={filtersOf(s)} onChange={(f) => go({ ...f, q: s.q, page: 1 })} />
      <div className="gz-search-results" aria-busy={stale} data-testid="case-search-results" data-query={data && !result.isPlaceholderData ? s.q : undefined}>
        {data && data.total > 0 && !result.isPlaceholderData ? (
          <Typography.Paragraph className="gz-search-summary" data-testid="case-search-total">
            {t(!data.totalExact ? 'cases.search.foundAbout' : 'cases.search.found', { count: data.total, q: s.q })}
          </Typography.Paragraph>
        ) : null}
        <Spin spinning={!!data && stale}>{content}</Spin>
      </div>
    </div>
  );
}
