/**
 * 监督举报 (/m/supervision/report): anyone, signed in or not, reports a cadre — anonymously
 * by default. Everything stays in this component: the address never changes while filing
 * (no query string to land in history or logs), nothing is stored in the browser, and the
 * page sends nothing anywhere but the report itself. Files may go with it (attachment-picker:
 * the limits, and that photos lose their location but documents may name their author): the
 * report is then sent as multipart, otherwise as JSON. After 201 the receipt is shown once
 * (receipt-view.tsx); "我已妥善保存" drops it.
 */
import { Alert, Button, Card, Cascader, Flex, Form, Input, Result, Switch, Typography, type FormInstance } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors, isApiProblem } from '../api/problem.js';
import { placeOptions } from '../mobile/case-helpers.js';
import { PageHead } from '../mobile/mobile-layout.js';
import { usePublicNodes } from '../mobile/resident.api.js';
import { AttachmentPicker } from './attachment-picker.js';
import { MAX_FILES_PER_SEND, sendProblemText } from './attachments.js';
import { useLeaveGuard } from './leave-guard.js';
import { ReceiptView } from './receipt-view.js';
import { reportBody, type ReportFormValues } from './report-flow.js';
import { fileReport } from './reporter.api.js';
import { newIdempotencyKey } from '../mobile/resident.api.js';
import './supervision.css';

const PHONE = /^\+?[0-9][0-9 ()-]{4,29}$/;

type Phase = { kind: 'editing' } | { kind: 'filed'; receipt: string } | { kind: 'saved' };

function ReportForm({ onFiled }: { onFiled: (receipt: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportFormValues>();
  const anonymous = Form.useWatch('anonymous', form) ?? true;
  const nodes = usePublicNodes();
  const places = useMemo(() => placeOptions(nodes.data?.items ?? []), [nodes.data]);
  const [sending, setSending] = useState(false);
  const [solving, setSolving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The chosen files live here only, and go with the report (as multipart) when there are any.
  const [files, setFiles] = useState<File[]>([]);
  const filing = useRef<{ written: string; key: string } | null>(null);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('supervision.report.required', { field }) });
  const optional = (label: string) => t('supervision.report.optional', { label });

  /** Field errors go onto their fields; the sentence above the button says what happened (a 429 with its wait). */
  const showProblem = (e: unknown) => {
    if (!isApiProblem(e)) return setProblem(sendProblemText(e, t));
    const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
    const fields = fieldErrors(e).map((f) => (f.name[0] === 'nodeId' ? { ...f, name: ['nodePath'] } : f));
    const known = fields.filter((f) => registered.has(f.name.join('.')));
    // Server paths name fields by position only; the untyped form instance takes them as they are.
    if (known.length > 0) (form as FormInstance).setFields(known);
    setProblem(known.length > 0 && known.length === fields.length ? e.title : sendProblemText(e, t));
  };

  const submit = async (v: ReportFormValues) => {
    setProblem(null);
    setSending(true);
    const body = reportBody(v);
    // One key per report as written: a resend of the same words and files reuses it, an edit makes a new one.
    const written = JSON.stringify([body, files.map((f) => [f.name, f.size, f.lastModified])]);
    if (filing.current?.written !== written) filing.current = { written, key: newIdempotencyKey() };
    try {
      onFiled(await fileReport(body, { onSolving: () => setSolving(true), idempotencyKey: filing.current.key }, files));
    } catch (e) {
      showProblem(e);
    } finally {
      setSending(false);
      setSolving(false);
    }
  };

  return (
    <Card className="gz-mobile__card" variant="borderless">
      <Form<ReportFormValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        className="gz-res-form"
        disabled={sending}
        initialValues={{ anonymous: true }}
        onValuesChange={() => setProblem(null)}
        onFinish={(v) => void submit(v)}
        // The browser must not remember what was typed here (its form history is on the device).
        autoComplete="off"
        data-testid="sv-form"
      >
        <Form.Item label={t('supervision.report.anonymous')} style={{ marginBottom: 8 }}>
          <Form.Item name="anonymous" valuePropName="checked" noStyle>
            <Switch aria-label={t('supervision.report.anonymous')} data-testid="sv-anonymous" />
          </Form.Item>
        </Form.Item>
        <Alert type={anonymous ? 'info' : 'success'} showIcon title={anonymous ? t('supervision.report.anonymousHint') : t('supervision.report.realNameHint')} style={{ marginBottom: 18 }} data-testid="sv-anonymous-hint" />
        {anonymous ? null : (
          <fieldset className="gz-sv-fieldset" data-testid="sv-reporter">
            <Typography.Text strong>{t('supervision.report.reporter')}</Typography.Text>
            <Form.Item name={['reporter', 'name']} label={t('supervision.report.reporterName')} rules={[required(t('supervision.report.reporterName')), { max: 50 }]}>
              <Input maxLength={50} autoComplete="off" data-testid="sv-reporter-name" />
            </Form.Item>
            <Form.Item name={['reporter', 'phone']} label={t('supervision.report.reporterPhone')} rules={[required(t('supervision.report.reporterPhone')), { pattern: PHONE, message: t('supervision.report.phoneInvalid') }]}>
              <Input inputMode="tel" maxLength={30} autoComplete="off" data-testid="sv-reporter-phone" />
            </Form.Item>
            <Form.Item name={['reporter', 'idNumber']} label={optional(t('supervision.report.reporterIdNumber'))} rules={[{ max: 30 }]}>
              <Input maxLength={30} autoComplete="off" data-testid="sv-reporter-id" />
            </Form.Item>
          </fieldset>
        )}
        <Form.Item name="accused" label={t('supervision.report.accused')} rules={[required(t('supervision.report.accused')), { max: 200 }]}>
          <Input placeholder={t('supervision.report.accusedHint')} maxLength={200} data-testid="sv-accused" />
        </Form.Item>
        <Form.Item name="content" label={t('supervision.report.content')} rules={[required(t('supervision.report.content')), { min: 10, message: t('supervision.report.contentMin') }, { max: 10_000 }]}>
          <Input.TextArea placeholder={t('supervision.report.contentHint')} autoSize={{ minRows: 5, maxRows: 12 }} maxLength={10_000} showCount data-testid="sv-content" />
        </Form.Item>
        <Form.Item name="happenedAt" label={optional(t('supervision.report.happenedAt'))} rules={[{ max: 100 }]}>
          <Input placeholder={t('supervision.report.happenedAtHint')} maxLength={100} data-testid="sv-happened-at" />
        </Form.Item>
        <Form.Item name="place" label={optional(t('supervision.report.place'))} rules={[{ max: 200 }]}>
          <Input placeholder={t('supervision.report.placeHint')} maxLength={200} data-testid="sv-place" />
        </Form.Item>
        <Form.Item name="nodePath" label={optional(t('supervision.report.area'))} extra={t('supervision.report.areaHint')}>
          <Cascader options={places} changeOnSelect loading={nodes.isPending} showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }} data-testid="sv-area" />
        </Form.Item>
        <Form.Item label={optional(t('supervision.files.label'))}>
          <AttachmentPicker
            files={files}
            max={MAX_FILES_PER_SEND}
            disabled={sending}
            onChange={(next) => {
              setFiles(next);
              setProblem(null);
            }}
          />
        </Form.Item>
        <Alert type="warning" showIcon title={t('supervision.report.warning')} style={{ marginBottom: 16 }} />
        {problem ? <Alert type="error" showIcon title={t('supervision.report.failed')} description={problem} style={{ marginBottom: 16 }} data-testid="sv-problem" /> : null}
        <Button type="primary" htmlType="submit" block loading={sending} data-testid="sv-submit">
          {solving ? t('supervision.solving') : sending ? t('supervision.report.submitting') : t('supervision.report.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export function SupervisionReportPage() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  useLeaveGuard(phase.kind === 'filed', {
    title: t('supervision.receipt.leaveTitle'),
    content: t('supervision.receipt.leaveContent'),
    okText: t('supervision.receipt.leave'),
    cancelText: t('supervision.receipt.stay'),
  });

  return (
    <div className="gz-res__page" data-testid="sv-report-page">
      <PageHead title={t('supervision.report.title')} />
      {phase.kind === 'filed' ? (
        <ReceiptView receipt={phase.receipt} onDone={() => setPhase({ kind: 'saved' })} />
      ) : phase.kind === 'saved' ? (
        <Card className="gz-mobile__card">
          <Result
            status="success"
            title={t('supervision.receipt.title')}
            subTitle={t('supervision.receipt.saved')}
            extra={
              <Flex vertical gap={8}>
                <Link to="/m/supervision/follow-up"><Button type="primary" block data-testid="sv-saved-follow-up">{t('supervision.receipt.followUp')}</Button></Link>
                <Button block onClick={() => setPhase({ kind: 'editing' })} data-testid="sv-saved-another">{t('supervision.receipt.another')}</Button>
              </Flex>
            }
            data-testid="sv-saved"
          />
        </Card>
      ) : (
        <>
          <Typography.Text type="secondary">{t('supervision.report.subtitle')}</Typography.Text>
          <ReportForm
            onFiled={(receipt) => {
              setPhase({ kind: 'filed', receipt });
              // The form was scrolled to its button; the receipt must not open off-screen.
              window.scrollTo({ top: 0 });
            }}
          />
          <Link to="/m/supervision/follow-up" className="gz-sv-aside" data-testid="sv-have-receipt">{t('supervision.report.haveReceipt')}</Link>
        </>
      )}
    </div>
  );
}
