/**
 * Import and export of nodes, organizations and people as CSV or Excel. Export is a plain
 * download link (the session cookie goes along). Import sends the file as the raw request
 * body; a bad file comes back as a 422 problem whose `errors` name row and column, shown
 * in a table so the user can fix the file — nothing is imported until every row is valid.
 */
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rawRequest } from '../../api/client.js';
import { isApiProblem, type FieldProblem } from '../../api/problem.js';
import type { ImportResult } from '../../api/types.js';
import { useMe } from '../../auth/auth.api.js';
import { problemText } from '../../common/problem-text.js';
import { useOrgMutation } from './org-queries.js';

export type IoEntity = 'nodes' | 'organizations' | 'people';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function formatOf(file: File): 'csv' | 'xlsx' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

function ExportButton({ entity }: { entity: IoEntity }) {
  const { t } = useTranslation();
  const href = (format: string) => `/api/org/export/${entity}?format=${format}`;
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'xlsx', label: <a href={href('xlsx')} download data-testid={`export-${entity}-xlsx`}>{t('io.exportXlsx')}</a> },
          { key: 'csv', label: <a href={href('csv')} download data-testid={`export-${entity}-csv`}>{t('io.exportCsv')}</a> },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid={`export-${entity}`}>{t('io.export')}</Button>
    </Dropdown>
  );
}

function stripPath(e: FieldProblem): string {
  return e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
}

function ImportButton({ entity, label }: { entity: IoEntity; label: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [rowErrors, setRowErrors] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const upload = useOrgMutation(async (file: File) => {
    const format = formatOf(file);
    if (!format) throw new Error('type');
    const body = await file.arrayBuffer();
    return (await rawRequest('POST', `/api/org/import/${entity}?format=${format}`, body, format === 'csv' ? 'text/csv' : XLSX)) as ImportResult;
  });

  const send = async (file: File) => {
    setRowErrors([]);
    setFailure(null);
    if (!formatOf(file)) return setFailure(t('io.badType'));
    try {
      const result = await upload.mutateAsync(file);
      void message.success(t('io.imported', { count: result.imported, created: result.created, updated: result.updated, unchanged: result.unchanged }));
      setOpen(false);
    } catch (e) {
      if (isApiProblem(e) && e.errors.length > 0) setRowErrors(e.errors);
      else setFailure(problemText(e, t));
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid={`import-${entity}`}>{t('io.import')}</Button>
      <Modal open={open} title={t('io.importTitle', { entity: label })} onCancel={() => setOpen(false)} footer={null} width={720} destroyOnHidden data-testid={`import-${entity}-modal`}>
        <Upload.Dragger
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            void send(file);
            return false; // we send the file ourselves, as the raw body
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('io.chooseFile')}</p>
          <p className="ant-upload-hint">{t('io.dropHint')}</p>
        </Upload.Dragger>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} /> : null}
        {rowErrors.length > 0 ? (
          <>
            <Alert type="error" showIcon title={t('io.hasErrors', { count: rowErrors.length })} style={{ margin: '16px 0 8px' }} />
            <Table<FieldProblem>
              size="small"
              rowKey={(e, i) => `${e.path}-${e.code}-${i ?? 0}`}
              dataSource={rowErrors}
              pagination={rowErrors.length > 10 ? { pageSize: 10 } : false}
              data-testid="import-errors"
              columns={[
                { title: t('io.location'), dataIndex: 'path', width: 200 },
                { title: t('io.message'), render: (_, e) => stripPath(e) },
                { title: t('io.code'), dataIndex: 'code', width: 160, responsive: ['md'] },
              ]}
            />
          </>
        ) : null}
      </Modal>
    </>
  );
}

/** A page header's import (for those allowed to import) and export buttons of one entity. */
export function ImportExportButtons({ entity, label }: { entity: IoEntity; label: string }) {
  const { data: me } = useMe();
  return (
    <>
      {me?.permissions.includes('org.import') ? <ImportButton entity={entity} label={label} /> : null}
      <ExportButton entity={entity} />
    </>
  );
}
