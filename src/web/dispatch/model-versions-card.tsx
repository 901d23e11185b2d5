/**
 * 模型版本 on 智能派单设置 (configurators): every trained version of the dispatch model —
 * when and how it was trained, what it learned from, its heads, time and size — and
 * 立即训练. Training takes 10–40 s; the button spins until the new version is stored, and a
 * training already running (409) is said so while the list waits for it.
 */
import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem.js';
import { ListTable } from '../common/list-table.js';
import { problemText } from '../common/problem-text.js';
import { useProblem } from '../common/use-problem.js';
import { formatDateTime } from '../i18n/format.js';
import { isKnownHead, megabytes, orderedHeads, trainingSeconds } from './dispatch-format.js';
import { useModelVersions, useTrainModel, type ModelVersion, type TrainTrigger } from './dispatch.api.js';

const triggerColors: Record<TrainTrigger, string> = { schedule: 'default', console: 'blue', cli: 'purple' };

export function ModelVersionsCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useProblem();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const models = useModelVersions();
  const train = useTrainModel();

  // Should the server refuse the list all the same (403), the card is left out rather than shown as an error.
  if (isApiProblem(models.error) && models.error.status === 403) return null;

  const busy = train.isPending || models.data?.training === true;
  const newest = models.data?.items[0]?.version;
  const onTrain = () =>
    train.mutate(undefined, {
      onSuccess: (r) => void message.success(t('dispatch.models.trained', { version: r.version })),
      // Busy: someone else's training; the list polls until it is stored.
      onError: (e) => (isApiProblem(e) && e.status === 409 ? void message.warning(problemText(e, t)) : report(e)),
    });

  const headsText = (heads: Record<string, number>) =>
    orderedHeads(heads)
      .map(({ head, classes }) => t('dispatch.models.headValue', { head: isKnownHead(head) ? t(`dispatch.models.headNames.${head}`) : head, classes }))
      .join(' · ');

  const columns: TableColumnsType<ModelVersion> = [
    {
      title: t('dispatch.models.version'),
      dataIndex: 'version',
      width: 120,
      render: (v: number) => (
        <span className="gz-nowrap" data-testid={`model-version-${v}`}>
          {t('dispatch.models.versionValue', { version: v })}
          {v === newest ? <Tag color="green" style={{ marginInlineStart: 6 }}>{t('dispatch.models.current')}</Tag> : null}
        </span>
      ),
    },
    { title: t('dispatch.models.trainedAt'), dataIndex: 'trainedAt', width: 170, render: (iso: string) => <span className="gz-nowrap">{formatDateTime(iso, lang)}</span> },
    { title: t('dispatch.models.trigger'), dataIndex: 'trigger', width: 90, render: (x: TrainTrigger) => <Tag color={triggerColors[x]}>{t(`dispatch.models.triggers.${x}`)}</Tag> },
    {
      title: t('dispatch.models.data'),
      key: 'data',
      render: (_, m) => t('dispatch.models.dataText', { shipped: m.stats.shipped, history: m.stats.history, corrections: m.stats.corrections }),
    },
    { title: t('dispatch.models.heads'), key: 'heads', responsive: ['md'], render: (_, m) => headsText(m.stats.heads) },
    { title: t('dispatch.models.seconds'), key: 'seconds', width: 90, align: 'right', render: (_, m) => t('dispatch.models.secondsValue', { seconds: trainingSeconds(m.stats.seconds) }) },
    { title: t('dispatch.models.size'), dataIndex: 'bytes', width: 100, align: 'right', responsive: ['sm'], render: (b: number) => t('dispatch.models.sizeValue', { mb: megabytes(b) }) },
  ];

  return (
    <Card
      size="small"
      title={t('dispatch.models.title')}
      extra={<Button type="primary" icon={<ThunderboltOutlined />} loading={busy} onClick={onTrain} data-testid="dispatch-train">{t('dispatch.models.train')}</Button>}
      data-testid="dispatch-models"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{t('dispatch.models.hint')}</Typography.Paragraph>
      {busy ? <Alert type="warning" showIcon icon={<Spin size="small" />} title={t('dispatch.models.training')} style={{ marginBottom: 12 }} data-testid="dispatch-training" /> : null}
      <ListTable<ModelVersion>
        // Polling while a training runs refetches quietly; only the first load shows the spinner.
        list={{ data: models.data, error: models.error, isFetching: models.isLoading, refetch: models.refetch }}
        paging={false}
        // Wide enough to read on a phone (scrolling sideways), and wrapping the long cells on a desktop instead of scrolling.
        scroll={{ x: 800 }}
        rowKey="version"
        size="small"
        columns={columns}
        locale={{ emptyText: t('dispatch.models.empty') }}
        data-testid="dispatch-models-table"
      />
    </Card>
  );
}
