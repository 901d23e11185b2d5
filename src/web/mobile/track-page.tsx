/**
 * 凭查询码查询: anyone with a tracking code — no account needed — sees the public view of
 * the case and its timeline. The code stays in the page (never in the address bar, where
 * history and logs would keep it).
 */
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { problemText } from '../common/problem-text.js';
import { CaseFacts, LatestReply } from './case-page.js';
import { CaseTimeline } from './case-timeline.js';
import { PageHead } from './mobile-layout.js';
import { useTrack } from './resident.api.js';

/** The 16 code characters, whatever dashes or spaces were typed. */
const plain = (code: string) => code.replace(/[\s-]/g, '');

export function TrackPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const track = useTrack();
  const search = (v: { code: string }) => track.mutate(v.code.trim().toUpperCase());
  const notFound = isApiProblem(track.error) && track.error.status === 404;
  return (
    <div className="gz-res__page" data-testid="track-page">
      <PageHead title={t('resident.track.title')} />
      <Card className="gz-mobile__card" size="small">
        <Typography.Paragraph type="secondary">{t('resident.track.subtitle')}</Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark={false} onFinish={search} size="large">
          <Form.Item
            name="code"
            label={t('resident.track.code')}
            rules={[{ required: true, message: t('resident.track.codeInvalid') }, { validator: (_r, v: string | undefined) => (!v || plain(v).length === 16 ? Promise.resolve() : Promise.reject(new Error(t('resident.track.codeInvalid')))) }]}
          >
            <Input placeholder={t('resident.track.codeHint')} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={24} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} data-testid="track-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block icon={<SearchOutlined />} loading={track.isPending} data-testid="track-submit">{t('resident.track.search')}</Button>
        </Form>
      </Card>
      {track.error ? <Alert type={notFound ? 'warning' : 'error'} showIcon title={notFound ? t('resident.track.notFound') : problemText(track.error, t)} data-testid="track-error" /> : null}
      {track.data ? null : (
        // The public entry points of 监督举报, for people who came here without an account.
        <div className="gz-res-links">
          <Link to="/m/supervision/report" className="gz-res-link" data-testid="track-supervision-report">
            <span className="gz-res-link__title">{t('supervision.home.report')}</span>
            <span className="gz-res-link__hint">{t('supervision.home.reportHint')}</span>
          </Link>
          <Link to="/m/supervision/follow-up" className="gz-res-link" data-testid="track-supervision-follow-up">
            <span className="gz-res-link__title">{t('supervision.home.followUp')}</span>
            <span className="gz-res-link__hint">{t('supervision.home.followUpHint')}</span>
          </Link>
        </div>
      )}
      {track.data ? (
        <>
          <CaseFacts c={track.data.case} />
          <LatestReply items={track.data.timeline} />
          <Card className="gz-mobile__card" size="small" title={t('resident.common.timeline')}>
            <CaseTimeline items={track.data.timeline} viewer="public" />
          </Card>
        </>
      ) : null}
    </div>
  );
}
