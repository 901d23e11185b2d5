/**
 * The dispatch part of an action form (派单, 改派, and the new unit of 异议成立): the lead
 * unit with the responsibility list's default and the dispatch mode it implies, co-handling
 * units, and — when dispatching — 智能派单建议 and the case's category, which the dispatcher
 * may correct (the model learns from corrections).
 */
import { Form, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../org/shared/entity-selects.js';
import { CategorySelect, UnitsSelect } from './case-selects.js';
import type { CaseItem } from './cases.api.js';
import { DispatchSuggestions } from './dispatch-suggestions.js';

export interface DispatchFormValues {
  orgId?: number | null;
  coOrgIds?: number[];
  /** The case's category; only a change is sent (see correctedCategory). */
  categoryId?: number | null;
}

interface Props {
  c: CaseItem;
  event: 'dispatch' | 'redispatch' | 'uphold_objection';
}

export function DispatchFields({ c, event }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<DispatchFormValues>();
  const orgId = Form.useWatch('orgId', form);
  const categoryId = Form.useWatch('categoryId', form);
  // The name of a unit taken from the suggestions, so the select shows it before any search.
  const [picked, setPicked] = useState<{ id: number; name: string } | null>(null);
  const routeUnit = c.route.unit;
  const dispatching = event !== 'uphold_objection';
  const routed = !!orgId && orgId === routeUnit?.id && !!c.route.mode;
  const unitLabel = orgId === routeUnit?.id ? routeUnit?.name : orgId === picked?.id ? picked?.name : null;
  const currentCategory = c.category?.id ?? null;
  const corrected = categoryId !== null && categoryId !== undefined && categoryId !== currentCategory;

  return (
    <>
      {dispatching ? (
        <DispatchSuggestions
          caseId={c.id}
          orgId={orgId}
          categoryId={categoryId}
          onUnit={(u) => {
            setPicked({ id: u.orgId, name: u.name });
            form.setFields([{ name: 'orgId', value: u.orgId, errors: [] }]);
          }}
          onCategory={(s) => form.setFields([{ name: 'categoryId', value: s.categoryId, errors: [] }])}
        />
      ) : null}
      <Form.Item
        name="orgId"
        label={dispatching ? t('cases.action.unit') : t('cases.action.newUnit')}
        rules={[{ required: dispatching }]}
        extra={
          !dispatching ? (
            t('cases.action.newUnitHint')
          ) : routeUnit ? (
            <Space size={4} wrap>
              <span>{t('cases.action.routeHint', { unit: routeUnit.name, mode: c.route.mode ? t(`cases.modes.${c.route.mode}`) : t('cases.modes.manual') })}</span>
              {orgId ? <Tag color={routed ? 'blue' : 'default'} data-testid="action-mode">{routed && c.route.mode ? t(`cases.modes.${c.route.mode}`) : t('cases.modes.manual')}</Tag> : null}
            </Space>
          ) : (
            t('cases.action.noRoute')
          )
        }
      >
        <OrgSelect currentLabel={unitLabel} style={{ width: '100%' }} data-testid="action-unit" />
      </Form.Item>
      {dispatching ? (
        <Form.Item
          name="categoryId"
          label={t('dispatch.category.label')}
          extra={corrected ? t('dispatch.category.corrected', { from: c.category?.path ?? t('dispatch.category.none') }) : t('dispatch.category.hint')}
        >
          <CategorySelect currentLabel={categoryId === c.category?.id ? c.category?.path.split('/').pop() : null} style={{ width: '100%' }} data-testid="action-category" />
        </Form.Item>
      ) : null}
      <Form.Item name="coOrgIds" label={t('cases.action.coUnits')}>
        <UnitsSelect data-testid="action-co-units" />
      </Form.Item>
    </>
  );
}
