/** Filters of the audit log: action prefix, subject type, actor, days (Asia/Shanghai). */
import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiDayBoundary } from '../i18n/format.js';
import type { AuditFilters } from './audit.api.js';

interface Values {
  action?: string;
  subjectType?: string;
  actor?: string;
}

const actionSuggestions = ['auth.', 'org.', 'org.node.', 'org.organization.', 'org.person.', 'org.post.', 'org.role.', 'org.account.', 'org.responsibility.', 'org.import.'];
const subjectSuggestions = ['admin_node', 'organization', 'person', 'post', 'role_assignment', 'user', 'responsibility'];

/** Suggestions that extend what was typed (and not the exact text itself, which needs no suggestion). */
function startsWith(input: string, option?: { value?: unknown }): boolean {
  const v = String(option?.value ?? '');
  return v.startsWith(input) && v !== input;
}

function clean(s: string | undefined): string | undefined {
  const v = s?.trim();
  return v ? v : undefined;
}

export function AuditFiltersForm({ onApply }: { onApply: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [days, setDays] = useState<[string, string] | null>(null);
  const [pickerKey, setPickerKey] = useState(0);

  const apply = (v: Values) => {
    const f: AuditFilters = {};
    const action = clean(v.action);
    const subjectType = clean(v.subjectType);
    const actor = clean(v.actor);
    if (action) f.action = action;
    if (subjectType) f.subjectType = subjectType;
    if (actor) f.actor = actor;
    if (days?.[0]) f.from = shanghaiDayBoundary(days[0], 'start');
    if (days?.[1]) f.to = shanghaiDayBoundary(days[1], 'end');
    onApply(f);
  };

  const reset = () => {
    form.resetFields();
    setDays(null);
    setPickerKey((k) => k + 1);
    onApply({});
  };

  return (
    <Form form={form} onFinish={apply} className="gz-filters" data-testid="audit-filters">
      <Flex wrap gap={8}>
        <Form.Item name="action" noStyle>
          <AutoComplete options={actionSuggestions.map((a) => ({ value: a }))} showSearch={{ filterOption: startsWith }} placeholder={t('audit.actionHint')} style={{ width: 200 }} data-testid="audit-filter-action" />
        </Form.Item>
        <Form.Item name="subjectType" noStyle>
          <AutoComplete options={subjectSuggestions.map((s) => ({ value: s }))} showSearch={{ filterOption: startsWith }} placeholder={t('audit.subjectType')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="actor" noStyle>
          <Input placeholder={t('audit.actor')} allowClear style={{ width: 160 }} />
        </Form.Item>
        <DatePicker.RangePicker key={pickerKey} onChange={(_, s) => setDays(s[0] || s[1] ? s : null)} />
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-apply">{t('common.query')}</Button>
        <Button onClick={reset}>{t('common.reset')}</Button>
      </Flex>
    </Form>
  );
}
