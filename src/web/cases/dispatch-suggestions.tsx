/**
 * 智能派单建议 in the dispatch form: the model's likeliest three units and categories (and
 * the finer categories when it has them), each with its confidence and the words behind it.
 * A click fills the form; nothing is chosen for the dispatcher. Loading and failure are
 * quiet lines, so dispatching by hand never waits for the model.
 */
import { BulbOutlined } from '@ant-design/icons';
import { Button, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { percent } from '../dispatch/dispatch-format.js';
import { useDispatchSuggestions, type CategorySuggestion, type UnitSource, type UnitSuggestion } from '../dispatch/dispatch.api.js';

const sourceColors: Record<UnitSource, string> = { model: 'purple', direct: 'blue', territorial: 'green' };

interface ChoiceProps {
  label: string;
  confidence: number;
  words: string[];
  on: boolean;
  onPick: () => void;
  /** The source tag of a unit. */
  tag?: ReactNode;
  /** A tooltip (where a unit's suggestion came from). */
  hint?: string;
  testId: string;
}

/** One suggestion as a button: name and tag, its words, the percentage (laid out by .gz-suggest__item). */
function Choice({ label, confidence, words, on, onPick, tag, hint, testId }: ChoiceProps) {
  return (
    <li>
      <button type="button" className={`gz-suggest__item${on ? ' gz-suggest__item--on' : ''}`} aria-pressed={on} onClick={onPick} title={hint} data-testid={testId}>
        <span className="gz-suggest__main">
          <span className="gz-suggest__name" data-testid={`${testId}-name`}>{label}</span>
          {tag}
        </span>
        {words.length > 0 ? (
          <span className="gz-suggest__words">
            {words.map((w) => <span key={w} className="gz-suggest__word">{w}</span>)}
          </span>
        ) : null}
        <span className="gz-suggest__percent" data-testid={`${testId}-percent`}>{percent(confidence)}</span>
      </button>
    </li>
  );
}

function Group({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="gz-suggest__group">
      <div className="gz-suggest__label">{label}</div>
      <ul className="gz-suggest__list">{children}</ul>
    </div>
  );
}

interface Props {
  caseId: number;
  /** The form's current unit and category, to mark the suggestion already chosen. */
  orgId: number | null | undefined;
  categoryId: number | null | undefined;
  onUnit: (u: UnitSuggestion) => void;
  onCategory: (c: CategorySuggestion) => void;
}

export function DispatchSuggestions({ caseId, orgId, categoryId, onUnit, onCategory }: Props) {
  const { t } = useTranslation();
  const q = useDispatchSuggestions(caseId);

  const categoryChoices = (items: CategorySuggestion[], prefix: string) =>
    items.map((s, i) => (
      <Choice key={s.categoryId} label={s.path} confidence={s.confidence} words={s.words} on={s.categoryId === categoryId} onPick={() => onCategory(s)} hint={t('dispatch.suggest.pickCategory')} testId={`${prefix}-${i + 1}`} />
    ));

  let body: ReactNode;
  if (q.isPending) {
    body = (
      <Typography.Text type="secondary" className="gz-suggest__note" data-testid="dispatch-suggestions-loading">
        <Spin size="small" /> {t('dispatch.suggest.loading')}
      </Typography.Text>
    );
  } else if (q.isError) {
    body = (
      <Typography.Text type="secondary" className="gz-suggest__note" data-testid="dispatch-suggestions-failed">
        {t('dispatch.suggest.failed')}
        <Button type="link" size="small" onClick={() => void q.refetch()}>{t('common.refresh')}</Button>
      </Typography.Text>
    );
  } else if (q.data.modelVersion === null) {
    body = <Typography.Text type="secondary" className="gz-suggest__note" data-testid="dispatch-suggestions-untrained">{t('dispatch.suggest.untrained')}</Typography.Text>;
  } else if (q.data.units.length === 0 && q.data.categories.length === 0) {
    body = <Typography.Text type="secondary" className="gz-suggest__note" data-testid="dispatch-suggestions-none">{t('dispatch.suggest.none')}</Typography.Text>;
  } else {
    const { units, categories, deeper } = q.data;
    body = (
      <>
        {units.length > 0 ? (
          <Group label={t('dispatch.suggest.units')}>
            {units.map((u, i) => (
              <Choice
                key={u.orgId}
                label={u.name}
                confidence={u.confidence}
                words={u.words}
                on={u.orgId === orgId}
                onPick={() => onUnit(u)}
                tag={<Tag color={sourceColors[u.source]}>{t(`dispatch.sources.${u.source}`)}</Tag>}
                // A unit from the responsibility list or the place came through a suggested category: say which.
                hint={u.categoryPath ? t('dispatch.suggest.viaCategory', { category: u.categoryPath }) : t('dispatch.suggest.pickUnit')}
                testId={`suggest-unit-${i + 1}`}
              />
            ))}
          </Group>
        ) : null}
        {categories.length > 0 ? <Group label={t('dispatch.suggest.categories')}>{categoryChoices(categories, 'suggest-category')}</Group> : null}
        {deeper.length > 0 ? <Group label={t('dispatch.suggest.deeper')}>{categoryChoices(deeper, 'suggest-deeper')}</Group> : null}
      </>
    );
  }

  return (
    <section className="gz-suggest" aria-busy={q.isFetching} data-testid="dispatch-suggestions">
      <div className="gz-suggest__head">
        <BulbOutlined />
        <span>{t('dispatch.suggest.title')}</span>
        {q.data?.modelVersion ? <Typography.Text type="secondary" className="gz-suggest__version">{t('dispatch.suggest.version', { version: q.data.modelVersion })}</Typography.Text> : null}
      </div>
      {body}
    </section>
  );
}
