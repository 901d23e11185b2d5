/**
 * Choosing up to nine photos for a new case, with previews. Files are checked here (type,
 * size, count) so a resident hears at once; the server checks the bytes again on upload,
 * which happens only after the case exists.
 */
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS, photoRefusal } from './case-helpers.js';

export interface ChosenPhoto {
  key: string;
  file: File;
  /** An object URL for the preview; revoked when the photo is removed or the picker goes away. */
  url: string;
}

let counter = 0;

export function PhotoPicker({ value, onChange, disabled = false }: { value: ChosenPhoto[]; onChange: (next: ChosenPhoto[]) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(value);
  latest.current = value;
  // Free the previews when the form goes away.
  useEffect(() => () => latest.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  const add = (files: FileList | null) => {
    if (!files) return;
    const next = [...value];
    let overflow = false;
    for (const file of Array.from(files)) {
      const refusal = photoRefusal(file);
      if (refusal === 'type') void message.error(t('resident.form.photoType', { name: file.name }));
      else if (refusal === 'size') void message.error(t('resident.form.photoSize', { name: file.name }));
      else if (refusal === 'empty') void message.error(t('resident.form.photoEmpty', { name: file.name }));
      else if (next.length >= MAX_PHOTOS) overflow = true;
      else next.push({ key: `p${++counter}`, file, url: URL.createObjectURL(file) });
    }
    if (overflow) void message.warning(t('resident.form.photoMax', { max: MAX_PHOTOS }));
    onChange(next);
    if (input.current) input.current.value = '';
  };

  const remove = (key: string) => {
    const gone = value.find((p) => p.key === key);
    if (gone) URL.revokeObjectURL(gone.url);
    onChange(value.filter((p) => p.key !== key));
  };

  return (
    <div className="gz-res-photos" data-testid="case-photos">
      {value.map((p, i) => (
        <div key={p.key} className="gz-res-photo" data-testid={`case-photo-${i}`}>
          <img src={p.url} alt={p.file.name} />
          <Button size="small" shape="circle" icon={<CloseOutlined />} className="gz-res-photo__remove" aria-label={t('resident.form.removePhoto')} onClick={() => remove(p.key)} disabled={disabled} data-testid={`case-photo-remove-${i}`} />
        </div>
      ))}
      {value.length < MAX_PHOTOS ? (
        <button type="button" className="gz-res-photo__add" onClick={() => input.current?.click()} disabled={disabled} data-testid="case-photo-add">
          <CameraOutlined style={{ fontSize: 22 }} />
          <span>{t('resident.form.addPhoto')}</span>
        </button>
      ) : null}
      <input ref={input} style={{ display: 'none' }} type="file" accept="image/jpeg,image/png,image/webp" multiple onChange={(e) => add(e.target.files)} data-testid="case-photos-input" />
    </div>
  );
}
