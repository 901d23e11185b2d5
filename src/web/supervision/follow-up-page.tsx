/**
 * 举报查询 (/m/supervision/follow-up): the reporter enters the receipt (spaces and dashes
 * allowed) and sees the state, what they filed, the files they sent and the thread — questions
 * from the case officers highlighted — and answers or adds material, with words, files or
 * both (multipart when files go). No account is needed.
 *
 * The receipt is held in this component's state only: never in the address (entering it
 * changes no URL), the browser's storage or a query cache. "退出" forgets it, and so does
 * leaving the page.
 */
import { LogoutOutlined, ReloadOutlined, SearchOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { problemText } from '../common/problem-text.js';
import { formatDateTime } from '../i18n/format.js';
import { PageHead } from '../mobile/mobile-layout.js';
import { ReporterAttachments } from './attachment-list.js';
import { AttachmentPicker } from './attachment-picker.js';
import { filesAllowed, MAX_FILES_PER_REPORT, sendProblemText } from './attachments.js';
import { MessageThread } from './message-thread.js';
import { receiptDigits, typedDigitCount } from './receipt.js';
import { openQuestions } from './report-flow.js';
import { ReportStateTag } from './report-labels.js';
import { addReporterMessage, followUp, type FollowUp, type ReporterMessageKind } from './reporter.api.js';
import './supervision.css';

function ReceiptEntry({ onFound }: { onFound: (receipt: string, view: FollowUp) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ receipt: string }>();
  const typed = Form.useWatch('receipt', form) ?? '';
  const [busy, setBusy] = useState(false);
  const [solving, setSolving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const notFound = isApiProblem(error) && error.status === 404;

  const search = async ({ receipt }: { receipt: string }) => {
    const digits = receiptDigits(receipt);
    if (!digits) return;
    setError(null);
    setBusy(true);
    try {
      onFound(digits, await followUp(digits, { onSolving: () => setSolving(true) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setSolving(false);
    }
  };

  return (
    <>
      <Card className="gz-mobile__card" size="small">
        <Typography.Paragraph type="secondary">{t('supervision.followUp.subtitle')}</Typography.Paragraph>
        {/* autoComplete off: the browser must not keep receipts in its form history. */}
        <Form form={form} layout="vertical" requiredMark={false} size="large" autoComplete="off" onFinish={(v) => void search(v)} onValuesChange={() => setError(null)} data-testid="sv-receipt-form">
          <Form.Item
            name="receipt"
            label={t('supervision.followUp.receipt')}
            extra={typed ? t('supervision.followUp.digits', { count: typedDigitCount(typed) }) : undefined}
            rules={[{ required: true, message: t('supervision.followUp.receiptInvalid') }, { validator: (_r, v: string | undefined) => (!v || receiptDigits(v) ? Promise.resolve() : Promise.reject(new Error(t('supervision.followUp.receiptInvalid')))) }]}
          >
            <Input
              placeholder={t('supervision.followUp.receiptHint')}
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', letterSpacing: 1 }}
              data-testid="sv-receipt-input"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block icon={<SearchOutlined />} loading={busy} data-testid="sv-receipt-submit">{solving ? t('supervision.solving') : t('supervision.followUp.search')}</Button>
        </Form>
      </Card>
      {error ? <Alert type={notFound ? 'warning' : 'error'} showIcon title={notFound ? t('supervision.followUp.notFound') : problemText(error, t)} data-testid="sv-receipt-error" /> : null}
      <Link to="/m/supervision/report" className="gz-sv-aside" data-testid="sv-new-report">{t('supervision.followUp.newReport')}</Link>
    </>
  );
}

function WriteCard({ receipt, hasQuestion, held, onSent }: { receipt: string; hasQuestion: boolean; held: number; onSent: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: ReporterMessageKind; body?: string }>();
  const [busy, setBusy] = useState(false);
  const [solving, setSolving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Files alone are material enough: the words are required only without them.
  const [files, setFiles] = useState<File[]>([]);
  const allowed = filesAllowed(held);

  const send = async (v: { kind: ReporterMessageKind; body?: string }) => {
    setError(null);
    setBusy(true);
    try {
      await addReporterMessage(receipt, v.kind, v.body?.trim() ?? '', { onSolving: () => setSolving(true) }, files);
      form.resetFields(['body']);
      setFiles([]);
      void message.success(t('supervision.followUp.sent'));
      await onSent();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setSolving(false);
    }
  };

  return (
    <Card className="gz-mobile__card" size="small" title={t('supervision.followUp.write')}>
      <Form form={form} layout="vertical" requiredMark={false} autoComplete="off" initialValues={{ kind: hasQuestion ? 'answer' : 'material' }} onFinish={(v) => void send(v)} disabled={busy} data-testid="sv-write-form">
        <Form.Item name="kind">
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="sv-write-kind">
            <Radio.Button value="answer"><span data-testid="sv-write-answer">{t('supervision.followUp.answer')}</span></Radio.Button>
            <Radio.Button value="material"><span data-testid="sv-write-material">{t('supervision.followUp.material')}</span></Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="body" label={t('supervision.followUp.body')} rules={[{ required: files.length === 0, whitespace: true, message: t('supervision.followUp.bodyOrFiles') }, { max: 10_000 }]}>
          <Input.TextArea placeholder={t('supervision.followUp.bodyHint')} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10_000} showCount data-testid="sv-write-body" />
        </Form.Item>
        <Form.Item label={t('supervision.files.label')}>
          {allowed > 0 ? (
            <AttachmentPicker
              files={files}
              max={allowed}
              disabled={busy}
              onChange={(next) => {
                setFiles(next);
                setError(null);
                // A body left empty is fine now that files go.
                if (next.length > 0) form.setFields([{ name: 'body', errors: [] }]);
              }}
            />
          ) : (
            <Typography.Text type="secondary" data-testid="sv-files-full">{t('supervision.files.full', { max: MAX_FILES_PER_REPORT })}</Typography.Text>
          )}
        </Form.Item>
        {error ? <Alert type="error" showIcon title={sendProblemText(error, t)} style={{ marginBottom: 12 }} data-testid="sv-write-error" /> : null}
        <Button type="primary" htmlType="submit" block icon={<SendOutlined />} loading={busy} data-testid="sv-write-send">{solving ? t('supervision.solving') : t('supervision.followUp.send')}</Button>
      </Form>
    </Card>
  );
}

function ReportView({ receipt, view, onRefresh, refreshing, onExit }: { receipt: string; view: FollowUp; onRefresh: () => Promise<void>; refreshing: boolean; onExit: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const asked = openQuestions(view.messages).length > 0;
  const m = view.matter;
  return (
    <>
      <Card className="gz-mobile__card" size="small" data-testid="sv-status">
        <Flex vertical gap={6}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text type="secondary">{t('supervision.followUp.status')}</Typography.Text>
            <ReportStateTag state={view.state} testId="sv-state" />
          </Flex>
          <Typography.Text>{t(`supervision.followUp.stateHints.${view.state}`)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('supervision.followUp.receivedAt')} {formatDateTime(view.receivedAt, lang)}</Typography.Text>
        </Flex>
      </Card>
      {asked ? <Alert type="warning" showIcon title={t('supervision.followUp.openQuestion')} data-testid="sv-open-question" /> : null}
      <Card className="gz-mobile__card" size="small" title={t('supervision.thread.title')}>
        <MessageThread messages={view.messages} viewer="reporter" />
      </Card>
      {view.state === 'archived' ? <Alert type="info" showIcon title={t('supervision.followUp.archived')} /> : <WriteCard key={String(asked)} receipt={receipt} hasQuestion={asked} held={view.attachments.length} onSent={onRefresh} />}
      <Card className="gz-mobile__card" size="small" title={t('supervision.files.title', { count: view.attachments.length })}>
        <ReporterAttachments attachments={view.attachments} />
      </Card>
      <Card className="gz-mobile__card" size="small" title={t('supervision.followUp.matter')} data-testid="sv-matter">
        <dl className="gz-res-fields">
          <dt>{t('supervision.console.accused')}</dt>
          <dd data-testid="sv-matter-accused">{m.accused}</dd>
          {m.happenedAt ? <><dt>{t('supervision.console.happenedAt')}</dt><dd>{m.happenedAt}</dd></> : null}
          {m.place ? <><dt>{t('supervision.console.place')}</dt><dd>{m.place}</dd></> : null}
        </dl>
        <p className="gz-sv-matter gz-res-desc">{m.content}</p>
      </Card>
      <Flex gap={8}>
        <Button block icon={<ReloadOutlined />} loading={refreshing} onClick={() => void onRefresh()} data-testid="sv-refresh">{t('supervision.followUp.refresh')}</Button>
        <Button block danger icon={<LogoutOutlined />} onClick={onExit} data-testid="sv-exit">{t('supervision.followUp.exit')}</Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>{t('supervision.followUp.exitHint')}</Typography.Text>
    </>
  );
}

export function SupervisionFollowUpPage() {
  const { t } = useTranslation();
  const [found, setFound] = useState<{ receipt: string; view: FollowUp } | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<unknown>(null);

  const refresh = async () => {
    if (!found) return;
    setRefreshError(null);
    setRefreshing(true);
    try {
      const view = await followUp(found.receipt);
      setFound({ receipt: found.receipt, view });
    } catch (e) {
      setRefreshError(e);
    } finally {
      setRefreshing(false);
    }
  };

  const exit = () => {
    setFound(null);
    setRefreshError(null);
  };

  return (
    <div className="gz-res__page" data-testid="sv-follow-up-page">
      <PageHead title={t('supervision.followUp.title')} />
      {found ? (
        <>
          {refreshError ? <Alert type="error" showIcon title={problemText(refreshError, t)} data-testid="sv-refresh-error" /> : null}
          <ReportView receipt={found.receipt} view={found.view} onRefresh={refresh} refreshing={refreshing} onExit={exit} />
        </>
      ) : (
        <ReceiptEntry onFound={(receipt, view) => setFound({ receipt, view })} />
      )}
    </div>
  );
}
