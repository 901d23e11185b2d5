/**
 * 举报件详情 (/console/supervision/reports/:id): the report as filed (opened with the
 * inspector's key) with its attachments (grouped by the message they came with, each a
 * download), its handling facts and clocks (留办或转交, 受理告知, 结果反馈), the actions its state
 * allows (and 转交 before disposal, 回避 at any time), the thread with the reporter and a box to
 * ask or answer them, and — for a real-name report — the reporter's identity behind a
 * custodian's approval.
 */
import { ArrowLeftOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Flex, Form, Input, Radio, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { useAreaName } from '../cases/case-selects.js';
import { relativeTime, useNow } from '../cases/due-text.js';
import { FullPageSpin, NotFoundPage } from '../common/page-state.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { useProblem } from '../common/use-problem.js';
import { formatDateTime } from '../i18n/format.js';
import { InspectorAttachments } from './attachment-list.js';
import { IdentityCard } from './identity-card.js';
import { MessageThread } from './message-thread.js';
import { ReportActionModal } from './report-action-modal.js';
import { canMessage, canTransfer, clockDue, clockStatus, type ReportClock, type ReportEvent } from './report-flow.js';
import { RecuseModal } from './recuse-modal.js';
import { ReportStateTag } from './report-labels.js';
import { useInspectorMessage, useReport, type InspectorMessageKind, type Report } from './supervision.api.js';
import { TransferModal } from './transfer-modal.js';
import './supervision.css';

function MatterCard({ r }: { r: Report }) {
  const { t } = useTranslation();
  const areaName = useAreaName();
  const D = Descriptions.Item;
  const m = r.matter;
  return (
    <Card title={t('supervision.console.matter')} size="small" data-testid="sv-matter">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 12 }}>
        <D label={t('supervision.console.accused')} span={2}><span data-testid="sv-matter-accused">{m.accused}</span></D>
        <D label={t('supervision.console.happenedAt')}>{m.happenedAt ?? t('supervision.console.none')}</D>
        <D label={t('supervision.console.place')}>{m.place ?? t('supervision.console.none')}</D>
        <D label={t('supervision.console.area')} span={2}>{areaName(m.nodeId) ?? t('supervision.console.none')}</D>
      </Descriptions>
      <Typography.Paragraph className="gz-sv-matter" data-testid="sv-matter-content">{m.content}</Typography.Paragraph>
    </Card>
  );
}

/**
 * One of the report's clocks: the due time, how far off while it runs, red with 已超期 once
 * passed, grey once its step was taken (report-flow.ts `clockStatus`).
 */
function ClockValue({ clock, r }: { clock: ReportClock; r: Report }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const now = useNow();
  const status = clockStatus(clock, r, now);
  const due = clockDue(clock, r);
  if (status === 'none' || !due) return <span data-testid={`sv-clock-${clock}`} data-status="none">{t('supervision.console.none')}</span>;
  return (
    <Space size={6} wrap className={`gz-sv-clock--${status}`} data-testid={`sv-clock-${clock}`} data-status={status}>
      <span className="gz-nowrap">{formatDateTime(due, lang)}</span>
      {status === 'running' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{relativeTime(due, now, lang)}</Typography.Text> : null}
      {status === 'late' ? <Tag color="red">{t('supervision.console.overdue')}</Tag> : null}
      {status === 'stopped' ? <span style={{ fontSize: 12 }}>{t('supervision.console.clockStopped')}</span> : null}
    </Space>
  );
}

function InfoCard({ r }: { r: Report }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const time = (v: string | null) => (v ? formatDateTime(v, lang) : t('supervision.console.none'));
  const D = Descriptions.Item;
  const clockLabel = (label: string, hint: string) => <Tooltip title={hint}><span>{label}</span></Tooltip>;
  return (
    <Card title={t('supervision.console.info')} size="small">
      <Descriptions size="small" column={1} bordered>
        <D label={t('supervision.console.kind')}>{r.anonymous ? t('supervision.console.anonymous') : t('supervision.console.realName')}</D>
        <D label={t('supervision.console.disposal')}><span data-testid="sv-disposal">{r.disposal ? t(`supervision.disposals.${r.disposal}`) : t('supervision.console.none')}</span></D>
        <D label={t('supervision.console.receivedAt')}>{time(r.receivedAt)}</D>
        <D label={clockLabel(t('supervision.console.transferDue'), t('supervision.console.transferDueHint'))}><ClockValue clock="transfer" r={r} /></D>
        <D label={clockLabel(t('supervision.console.acceptDue'), t('supervision.console.acceptDueHint'))}><ClockValue clock="accept" r={r} /></D>
        <D label={clockLabel(t('supervision.console.feedbackDue'), t('supervision.console.feedbackDueHint'))}><ClockValue clock="feedback" r={r} /></D>
      </Descriptions>
    </Card>
  );
}

/** A question (highlighted on the reporter's page) or an answer, sealed to the report. */
function MessageForm({ r }: { r: Report }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: InspectorMessageKind; body: string }>();
  const send = useInspectorMessage(r.id);
  const showProblem = useProblem();
  const submit = (v: { kind: InspectorMessageKind; body: string }) =>
    send.mutate(
      { kind: v.kind, body: v.body.trim() },
      {
        onSuccess: () => {
          form.resetFields(['body']);
          void message.success(t('supervision.console.sent'));
        },
        onError: (e) => showProblem(e, form),
      },
    );
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'question' }} onFinish={submit} disabled={send.isPending} data-testid="sv-message-form">
      <Form.Item name="kind" label={t('supervision.console.message')}>
        <Radio.Group optionType="button" buttonStyle="solid">
          <Radio.Button value="question"><span data-testid="sv-message-question">{t('supervision.console.question')}</span></Radio.Button>
          <Radio.Button value="answer"><span data-testid="sv-message-answer">{t('supervision.console.answer')}</span></Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="body" label={t('supervision.console.messageBody')} extra={t('supervision.console.messageHint')} rules={[{ required: true, whitespace: true }, { max: 10_000 }]}>
        <Input.TextArea rows={3} maxLength={10_000} showCount data-testid="sv-message-body" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={send.isPending} data-testid="sv-message-send">{t('supervision.console.send')}</Button>
    </Form>
  );
}

export function SupervisionReportDetailPage() {
  const { t } = useTranslation();
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id > 0;
  const report = useReport(valid ? id : 0);
  const [active, setActive] = useState<ReportEvent | 'transfer' | 'recuse' | null>(null);

  if (!valid || (isApiProblem(report.error) && report.error.status === 404)) return <NotFoundPage />;
  if (report.isPending) return <FullPageSpin />;
  if (report.error || !report.data) return <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />;

  const r = report.data;
  const actions = r.actions;
  const reload = () => void report.refetch();

  return (
    <div className="gz-page" data-testid="sv-report-detail">
      <div className="gz-page-header">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex align="center" gap={8} wrap>
            <Link to="/console/supervision/reports" aria-label={t('supervision.console.back')}><Button type="text" icon={<ArrowLeftOutlined />} data-testid="sv-back" /></Link>
            <Typography.Title level={3} style={{ margin: 0 }}><span className="gz-mono" style={{ fontSize: 18 }} data-testid="sv-number">{r.number}</span></Typography.Title>
            <Space size={4} wrap>
              <ReportStateTag state={r.state} testId="sv-detail-state" />
              {r.overdue ? <Tag color="red" data-testid="sv-detail-overdue">{t('supervision.console.overdue')}</Tag> : null}
              <Tag color={r.anonymous ? 'default' : 'blue'}>{r.anonymous ? t('supervision.console.anonymous') : t('supervision.console.realName')}</Tag>
            </Space>
          </Flex>
          <Button icon={<ReloadOutlined />} onClick={reload} loading={report.isFetching} data-testid="sv-reload">{t('common.refresh')}</Button>
        </Flex>
      </div>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={t('supervision.console.actions')} size="small" data-testid="sv-actions">
              <Flex vertical gap={8}>
                {actions.length === 0 && !canTransfer(r.state) ? <Typography.Text type="secondary">{t('supervision.console.noActions')}</Typography.Text> : null}
                <Flex wrap gap={8}>
                  {actions.map((e) => (
                    <Button key={e} type="primary" onClick={() => setActive(e)} data-testid={`sv-action-${e}`}>{t(`supervision.events.${e}`)}</Button>
                  ))}
                  {canTransfer(r.state) ? <Button onClick={() => setActive('transfer')} data-testid="sv-action-transfer">{t('supervision.events.transfer')}</Button> : null}
                  <Button danger onClick={() => setActive('recuse')} data-testid="sv-action-recuse">{t('supervision.events.recuse')}</Button>
                </Flex>
              </Flex>
            </Card>
            <MatterCard r={r} />
            <Card title={t('supervision.files.title', { count: r.attachments.length })} size="small">
              <InspectorAttachments report={r} />
            </Card>
            <InfoCard r={r} />
            <Card title={t('supervision.console.identity')} size="small">
              <IdentityCard report={r} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('supervision.thread.title')} size="small">
            <Flex vertical gap={16}>
              <MessageThread messages={r.messages} viewer="inspector" />
              {canMessage(r.state) ? <MessageForm r={r} /> : null}
            </Flex>
          </Card>
        </Col>
      </Row>

      {active === 'transfer' ? <TransferModal report={r} onClose={() => setActive(null)} onReload={reload} /> : null}
      {active === 'recuse' ? <RecuseModal report={r} onClose={() => setActive(null)} /> : null}
      {active && active !== 'transfer' && active !== 'recuse' ? <ReportActionModal key={active} report={r} event={active} onClose={() => setActive(null)} onReload={reload} /> : null}
    </div>
  );
}
