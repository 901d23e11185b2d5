/**
 * 我要反映: the resident's intake form, laid out for a phone. The case is created first
 * (with an Idempotency-Key kept for retries of the same submission, so a lost answer never
 * makes two cases); the chosen photos are uploaded right after, one by one; then the case
 * number and the tracking code are shown once. Once the title and the place are filled, open
 * public cases near it that read alike are shown (附近已有类似诉求, with 我也遇到), never
 * standing in the way of submitting.
 */
import { AimOutlined, CloseOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Cascader, Checkbox, Flex, Form, Input, Radio, Switch, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { useSignedInMe } from '../auth/me-context.js';
import { problemText } from '../common/problem-text.js';
import { useProblem } from '../common/use-problem.js';
import { cascaderOptions, pathTo, placeOptions } from './case-helpers.js';
import { label } from './labels.js';
import { PageHead } from './mobile-layout.js';
import { PhotoPicker, type ChosenPhoto } from './photo-picker.js';
import { isHandedOff, newIdempotencyKey, residentKeys, submitCase, uploadPhoto, useCategories, usePublicNodes, type CaseInput, type CaseType, type IntakeOut, type Submitted } from './resident.api.js';
import { ReceiptView } from '../supervision/receipt-view.js';
import { SimilarMatters } from './similar-matters.js';
import { SubmittedView, type PhotoOutcome } from './submitted-view.js';

const TYPES: CaseType[] = ['enquiry', 'help', 'complaint', 'report', 'suggestion'];
const PHONE = /^(\+?[0-9][0-9 ()-]{2,29})?$/;

interface Values {
  type: CaseType;
  title: string;
  description: string;
  category?: number[];
  place: number[];
  address?: string;
  contactName?: string;
  contactPhone?: string;
  isPublic: boolean;
  aboutOfficial?: boolean;
}

interface Position {
  latitude: number;
  longitude: number;
  accuracy: number;
}

type Phase = { kind: 'editing' } | { kind: 'submitting' } | { kind: 'uploading'; done: number; total: number };

/** Uploads photos one after another (a phone's uplink is narrow); returns what failed and why. */
async function uploadAll(caseId: number, files: File[], onProgress: (done: number) => void, reason: (e: unknown) => string): Promise<{ file: File; reason: string }[]> {
  const failed: { file: File; reason: string }[] = [];
  for (const [i, file] of files.entries()) {
    try {
      await uploadPhoto(caseId, file);
    } catch (e) {
      failed.push({ file, reason: reason(e) });
    }
    onProgress(i + 1);
  }
  return failed;
}

/** To 监督举报: reports about officials are refused here and belong in the protected channel. */
function SupervisionLink() {
  const { t } = useTranslation();
  return <Link to="/m/supervision/report" data-testid="case-supervision-link"><Button size="small" type="primary">{t('supervision.home.report')}</Button></Link>;
}

export function NewCasePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const title = Form.useWatch('title', form);
  const description = Form.useWatch('description', form);
  const place = Form.useWatch('place', form);
  const report = useProblem();
  const qc = useQueryClient();
  const nodes = usePublicNodes();
  const categories = useCategories();
  const places = useMemo(() => placeOptions(nodes.data?.items ?? []), [nodes.data]);
  const categoryOptions = useMemo(() => cascaderOptions(categories.data?.items ?? []), [categories.data]);
  const [photos, setPhotos] = useState<ChosenPhoto[]>([]);
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [supervision, setSupervision] = useState<string | null>(null);
  const [handedOff, setHandedOff] = useState<{ receipt: string | null; hadPhotos: boolean } | null>(null);
  const [result, setResult] = useState<{ submitted: Submitted; photos: PhotoOutcome; failedFiles: File[] } | null>(null);
  const [retrying, setRetrying] = useState(false);
  // One key per submission: kept while the same values are sent again, renewed when they change.
  const idempotencyKey = useRef<string | null>(null);

  // Start from the resident's own grid, once the tree is loaded (unless they already chose).
  const home = me.grants.find((g) => g.role === 'resident') ?? me.grants[0];
  const homeNodeId = home?.nodeId;
  const prefillPlace = useCallback(() => {
    if (homeNodeId === undefined || places.length === 0 || (form.getFieldValue('place') as number[] | undefined)?.length) return;
    const path = pathTo(places, homeNodeId);
    if (path.length > 0) form.setFieldValue('place', path);
  }, [places, homeNodeId, form]);
  useEffect(prefillPlace, [prefillPlace]);

  // 再反映一件: the form mounts again; once it has, clear it and start from the resident's grid again.
  const [round, setRound] = useState(0);
  const handledRound = useRef(0);
  useEffect(() => {
    if (round === handledRound.current) return;
    handledRound.current = round;
    form.resetFields();
    prefillPlace();
  }, [round, form, prefillPlace]);

  const locate = () => {
    setLocationError(null);
    if (!('geolocation' in navigator)) {
      setLocationError(t('resident.form.locationUnsupported'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        idempotencyKey.current = null;
        setPosition({ latitude: Number(p.coords.latitude.toFixed(6)), longitude: Number(p.coords.longitude.toFixed(6)), accuracy: Math.round(p.coords.accuracy) });
      },
      (err) => {
        setLocating(false);
        setLocationError(t('resident.form.locationDenied', { reason: err.message || String(err.code) }));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const problemReason = (e: unknown) => problemText(e, t);

  const submit = async (v: Values) => {
    const nodeId = v.place[v.place.length - 1];
    if (nodeId === undefined) return;
    setSupervision(null);
    const body: CaseInput = {
      type: v.type,
      title: v.title.trim(),
      description: v.description.trim(),
      categoryId: v.category?.[v.category.length - 1] ?? null,
      nodeId,
      address: v.address?.trim() || null,
      latitude: position?.latitude ?? null,
      longitude: position?.longitude ?? null,
      contactName: v.contactName?.trim() || null,
      contactPhone: v.contactPhone?.trim() || null,
      isPublic: v.isPublic,
      aboutOfficial: v.type === 'report' && v.aboutOfficial === true,
    };
    idempotencyKey.current ??= newIdempotencyKey();
    setPhase({ kind: 'submitting' });
    let out: IntakeOut;
    try {
      out = await submitCase(body, idempotencyKey.current);
    } catch (e) {
      setPhase({ kind: 'editing' });
      if (isApiProblem(e) && e.code === 'case_report_to_supervision') setSupervision(problemText(e, t));
      else report(e, form, { nodeId: 'place', categoryId: 'category' });
      return;
    }
    idempotencyKey.current = null;
    if (isHandedOff(out)) {
      // Filed in the supervision channel: photos are not sent to a case; the reporter adds material with the receipt.
      setPhase({ kind: 'editing' });
      setHandedOff({ receipt: out.receipt ?? null, hadPhotos: photos.length > 0 });
      window.scrollTo({ top: 0 });
      return;
    }
    const submitted: Submitted = out;
    const files = photos.map((p) => p.file);
    setPhase({ kind: 'uploading', done: 0, total: files.length });
    const failed = await uploadAll(submitted.case.id, files, (done) => setPhase({ kind: 'uploading', done, total: files.length }), problemReason);
    void qc.invalidateQueries({ queryKey: residentKeys.myCases });
    setResult({ submitted, photos: { uploaded: files.length - failed.length, failed: failed.map((f) => ({ name: f.file.name, reason: f.reason })) }, failedFiles: failed.map((f) => f.file) });
    setPhase({ kind: 'editing' });
    window.scrollTo({ top: 0 });
  };

  const retryPhotos = async () => {
    if (!result) return;
    setRetrying(true);
    const failed = await uploadAll(result.submitted.case.id, result.failedFiles, () => undefined, problemReason);
    setRetrying(false);
    const uploaded = result.photos.uploaded + result.failedFiles.length - failed.length;
    setResult({ ...result, photos: { uploaded, failed: failed.map((f) => ({ name: f.file.name, reason: f.reason })) }, failedFiles: failed.map((f) => f.file) });
    void qc.invalidateQueries({ queryKey: residentKeys.photos(result.submitted.case.id) });
  };

  const another = () => {
    setResult(null);
    setHandedOff(null);
    setPhotos([]);
    setPosition(null);
    idempotencyKey.current = null;
    setRound((r) => r + 1);
  };

  if (handedOff) {
    return (
      <div className="gz-res__page" data-testid="case-handed-off">
        <Alert type="success" showIcon title={t('resident.form.handedOff')} description={handedOff.hadPhotos ? t('resident.form.handedOffPhotos') : undefined} style={{ marginBottom: 12 }} />
        {handedOff.receipt ? <ReceiptView receipt={handedOff.receipt} onDone={another} /> : <Button onClick={another}>{t('resident.submitted.another')}</Button>}
      </div>
    );
  }

  if (result) {
    return (
      <div className="gz-res__page">
        <SubmittedView submitted={result.submitted} photos={result.photos} retrying={retrying} onRetryPhotos={() => void retryPhotos()} onAnother={another} />
      </div>
    );
  }

  const busy = phase.kind !== 'editing';
  return (
    <div className="gz-res__page">
      <PageHead title={t('resident.form.title')} />
      <Typography.Text type="secondary">{t('resident.form.subtitle')}</Typography.Text>
      <Card className="gz-mobile__card" variant="borderless">
        {nodes.error || categories.error ? <Alert type="error" showIcon title={t('errors.loadFailed')} description={problemText(nodes.error ?? categories.error, t)} style={{ marginBottom: 16 }} /> : null}
        <Form<Values>
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          className="gz-res-form"
          disabled={busy}
          initialValues={{ type: 'complaint', isPublic: true, contactName: me.displayName, contactPhone: me.phone ?? '' }}
          onValuesChange={() => {
            idempotencyKey.current = null;
            setSupervision(null);
          }}
          onFinish={(v) => void submit(v)}
          data-testid="case-form"
        >
          <Form.Item name="type" label={t('resident.form.type')} rules={[{ required: true }]}>
            <Radio.Group className="gz-res-types" optionType="button" buttonStyle="solid" data-testid="case-type">
              {TYPES.map((ty) => <Radio.Button key={ty} value={ty}><span data-testid={`case-type-${ty}`}>{label(t, 'types', ty)}</span></Radio.Button>)}
            </Radio.Group>
          </Form.Item>
          {type === 'report' ? (
            <Flex vertical gap={8} style={{ marginBottom: 18 }}>
              <Alert type="info" showIcon title={t('resident.form.reportNotice')} action={<SupervisionLink />} data-testid="case-report-notice" />
              <Form.Item name="aboutOfficial" valuePropName="checked" noStyle>
                <Checkbox data-testid="case-about-official">{t('resident.form.aboutOfficial')}</Checkbox>
              </Form.Item>
            </Flex>
          ) : null}
          <Form.Item name="title" label={t('resident.form.titleLabel')} rules={[{ required: true, whitespace: true, max: 100, message: t('resident.form.required', { field: t('resident.form.titleLabel') }) }]}>
            <Input placeholder={t('resident.form.titleHint')} maxLength={100} data-testid="case-title" />
          </Form.Item>
          <Form.Item name="description" label={t('resident.form.description')} rules={[{ required: true, whitespace: true, max: 5000, message: t('resident.form.required', { field: t('resident.form.description') }) }]}>
            <Input.TextArea placeholder={t('resident.form.descriptionHint')} autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount data-testid="case-description" />
          </Form.Item>
          <Form.Item name="place" label={t('resident.form.place')} rules={[{ required: true, message: t('resident.form.placeHint') }]}>
            <Cascader
              options={places}
              placeholder={t('resident.form.placeHint')}
              loading={nodes.isPending}
              showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
              data-testid="case-place"
            />
          </Form.Item>
          <SimilarMatters title={title} description={description} nodeId={place?.[place.length - 1]} />
          <Form.Item name="address" label={t('resident.common.optional', { label: t('resident.form.address') })} rules={[{ max: 200 }]}>
            <Input placeholder={t('resident.form.addressHint')} maxLength={200} data-testid="case-address" />
          </Form.Item>
          <Form.Item label={t('resident.common.optional', { label: t('resident.form.locate') })} extra={t('resident.form.locationNote')}>
            {position ? (
              <Flex align="center" gap={8} wrap data-testid="case-location">
                <Typography.Text>
                  <AimOutlined /> {position.latitude}, {position.longitude} (±{position.accuracy} m)
                </Typography.Text>
                <Button size="small" icon={<CloseOutlined />} onClick={() => { idempotencyKey.current = null; setPosition(null); }} data-testid="case-location-clear">{t('resident.form.clearLocation')}</Button>
              </Flex>
            ) : (
              <Button icon={<AimOutlined />} loading={locating} onClick={locate} data-testid="case-locate">{locating ? t('resident.form.locating') : t('resident.form.locate')}</Button>
            )}
            {locationError ? <Typography.Paragraph type="danger" style={{ margin: '6px 0 0' }} data-testid="case-location-error">{locationError}</Typography.Paragraph> : null}
          </Form.Item>
          <Form.Item name="category" label={t('resident.common.optional', { label: t('resident.form.category') })} extra={t('resident.form.categoryHint')}>
            <Cascader
              options={categoryOptions}
              changeOnSelect
              placeholder={t('resident.form.categoryHint')}
              loading={categories.isPending}
              showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
              data-testid="case-category"
            />
          </Form.Item>
          <Form.Item label={t('resident.common.optional', { label: t('resident.form.photos') })} extra={t('resident.form.photosHint', { max: 9 })}>
            <PhotoPicker value={photos} onChange={setPhotos} disabled={busy} />
          </Form.Item>
          <Form.Item name="contactName" label={t('resident.form.contactName')} extra={t('resident.form.contactHint')} rules={[{ max: 50 }]}>
            <Input autoComplete="name" maxLength={50} data-testid="case-contact-name" />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('resident.form.contactPhone')} rules={[{ pattern: PHONE, message: t('resident.form.phoneInvalid') }]}>
            <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={30} data-testid="case-contact-phone" />
          </Form.Item>
          <Form.Item name="isPublic" label={t('resident.form.isPublic')} valuePropName="checked" extra={t('resident.form.isPublicHint')}>
            <Switch data-testid="case-public" />
          </Form.Item>
          {supervision ? <Alert type="error" showIcon title={supervision} description={t('resident.form.reportNotice')} action={<SupervisionLink />} style={{ marginBottom: 16 }} data-testid="case-supervision" /> : null}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="case-submit">
            {phase.kind === 'uploading' ? t('resident.form.uploading', { done: phase.done, total: phase.total }) : phase.kind === 'submitting' ? t('resident.form.submitting') : t('resident.form.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
