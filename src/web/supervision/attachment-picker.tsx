/**
 * Choosing files to go with a report or with added material: a button opening the device's
 * picker (gallery, recorder, documents), the chosen files with their sizes and a remove button,
 * the limits, and what the reporter should know before sending a file — photos lose their
 * location on the server, but a document may still carry its author's name.
 *
 * Files stay in the page's state only (like the receipt) and go with the next send.
 */
import { DeleteOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addFiles, FILE_ACCEPT, formatSize, MAX_FILE_BYTES, type FileRefusal } from './attachments.js';
import './supervision.css';

export function AttachmentPicker({ files, onChange, max, disabled = false }: { files: readonly File[]; onChange: (files: File[]) => void; max: number; disabled?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<FileRefusal[]>([]);

  const pick = (list: FileList | null) => {
    const added = addFiles(files, [...(list ?? [])], max);
    setRefused(added.refused);
    onChange(added.files);
    // The same file may be picked again after it was removed.
    if (input.current) input.current.value = '';
  };

  const remove = (index: number) => {
    setRefused([]);
    onChange(files.filter((_, i) => i !== index));
  };

  const limits = { max, mib: MAX_FILE_BYTES / 1024 / 1024 };
  return (
    <Flex vertical gap={8} className="gz-sv-files" data-testid="sv-files">
      {/* antd's form styles show every file input (`display: block`); the button opens this one. */}
      <input ref={input} type="file" multiple accept={FILE_ACCEPT} style={{ display: 'none' }} tabIndex={-1} disabled={disabled} onChange={(e) => pick(e.target.files)} data-testid="sv-files-input" />
      <Flex align="center" gap={8} wrap>
        <Button icon={<PaperClipOutlined />} disabled={disabled || files.length >= max} onClick={() => input.current?.click()} data-testid="sv-files-add">
          {t('supervision.files.add')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="sv-files-count">{t('supervision.files.count', { count: files.length, max })}</Typography.Text>
      </Flex>
      {files.length > 0 ? (
        <ul className="gz-sv-files__list">
          {files.map((f, i) => (
            <li key={`${f.name}|${f.size}|${i}`} className="gz-sv-file" data-testid="sv-file">
              <FileOutlined className="gz-sv-file__icon" />
              <span className="gz-sv-file__name" title={f.name}>{f.name}</span>
              <span className="gz-sv-file__meta">{formatSize(f.size)}</span>
              <Button type="text" size="small" icon={<DeleteOutlined />} disabled={disabled} onClick={() => remove(i)} aria-label={t('supervision.files.remove', { name: f.name })} data-testid="sv-file-remove" />
            </li>
          ))}
        </ul>
      ) : null}
      {refused.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('supervision.files.refused')}
          description={
            <ul className="gz-sv-files__refused">
              {refused.map((r, i) => <li key={i}>{t(`supervision.files.reasons.${r.reason}`, { name: r.name, ...limits })}</li>)}
            </ul>
          }
          data-testid="sv-files-refused"
        />
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('supervision.files.limits', limits)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="sv-files-privacy">{t('supervision.files.privacy')}</Typography.Text>
    </Flex>
  );
}
