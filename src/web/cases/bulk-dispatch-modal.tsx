/**
 * 批量派单: the selected cases to one unit, or each to the unit its responsibility list
 * names. Every case reports its own outcome (one refusal does not undo the others).
 */
import { Alert, Button, Flex, Form, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../org/shared/entity-selects.js';
import { useProblem } from '../common/use-problem.js';
import { useBulkDispatch, type BulkResult, type CaseItem } from './cases.api.js';

const knownCodes = ['case_no_route', 'case_transition_not_allowed', 'case_version_conflict', 'not_found', 'forbidden', 'ref_not_found', 'case_lead_in_co_units'] as const;
type KnownCode = (typeof knownCodes)[number];

export function BulkDispatchModal({ cases, open, onClose, onDone }: { cases: CaseItem[]; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const report = useProblem();
  const bulk = useBulkDispatch();
  const [orgId, setOrgId] = useState<number | null>(null);
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const numbers = new Map(cases.map((c) => [c.id, c.number]));

  const close = () => {
    if (results) onDone();
    setResults(null);
    setOrgId(null);
    onClose();
  };

  const send = async () => {
    try {
      setResults(await bulk.mutateAsync({ caseIds: cases.map((c) => c.id), ...(orgId ? { orgId } : {}) }));
    } catch (e) {
      report(e);
    }
  };

  const codeText = (code: string | null) => (code && (knownCodes as readonly string[]).includes(code) ? t(`cases.codes.${code as KnownCode}`) : (code ?? ''));
  const ok = results?.filter((r) => r.ok).length ?? 0;

  return (
    <Modal
      open={open}
      title={t('cases.bulk.title', { count: cases.length })}
      onCancel={close}
      footer={
        results ? (
          <Button type="primary" onClick={close} data-testid="bulk-dispatch-close">{t('common.close')}</Button>
        ) : (
          <Flex justify="flex-end" gap={8}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={bulk.isPending} onClick={() => void send()} data-testid="bulk-dispatch-ok">{t('cases.bulk.ok')}</Button>
          </Flex>
        )
      }
      destroyOnHidden
      width={640}
      data-testid="bulk-dispatch-modal"
    >
      {results ? (
        <>
          <Alert type={ok === results.length ? 'success' : 'warning'} showIcon title={t('cases.bulk.summary', { ok, failed: results.length - ok })} style={{ marginBottom: 12 }} />
          <Table<BulkResult>
            size="small"
            rowKey="caseId"
            pagination={false}
            dataSource={results}
            data-testid="bulk-dispatch-results"
            columns={[
              { title: t('cases.fields.number'), key: 'number', render: (_, r) => <span className="gz-mono">{r.number ?? numbers.get(r.caseId) ?? `#${r.caseId}`}</span> },
              { title: t('cases.bulk.results'), key: 'ok', render: (_, r) => (r.ok ? <Tag color="success">{t('cases.bulk.success')}</Tag> : <Tag color="error">{t('cases.bulk.failed')}</Tag>) },
              { title: '', key: 'code', render: (_, r) => <Typography.Text type="secondary">{r.ok ? '' : codeText(r.code)}</Typography.Text> },
            ]}
          />
        </>
      ) : (
        <Form layout="vertical">
          <Typography.Paragraph type="secondary">{t('cases.bulk.selected', { count: cases.length, numbers: cases.map((c) => c.number).join(t('cases.fields.listSep')) })}</Typography.Paragraph>
          <Form.Item label={t('cases.bulk.unit')} extra={t('cases.bulk.unitHint')}>
            <OrgSelect value={orgId} onChange={(v) => setOrgId(v)} style={{ width: '100%' }} data-testid="action-unit" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
