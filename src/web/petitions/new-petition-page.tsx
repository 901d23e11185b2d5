/**
 * 网上信访 (/m/petitions/new): a resident's petition under their own account — the matter,
 * what they ask and why, where (their own grid unless they pick another place) and a phone
 * to reach them. After submitting they land on the petition's page with its number.
 */
import { Alert, App, Button, Card, Cascader, Form, Input } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { areaOptions } from '../auth/area-options.js';
import { useProblem } from '../common/use-problem.js';
import { PageHead } from '../mobile/mobile-layout.js';
import { usePublicNodes } from '../mobile/resident.api.js';
import { useFilePetition, type PetitionInput } from './petitions.api.js';

interface Values {
  title?: string;
  content?: string;
  place?: number[];
  phone?: string;
}

function bodyOf(v: Values): PetitionInput {
  const phone = v.phone?.trim();
  const nodeId = v.place?.[v.place.length - 1];
  return { channel: 'online', title: v.title?.trim() ?? '', content: v.content?.trim() ?? '', ...(nodeId === undefined ? {} : { nodeId }), ...(phone ? { petitioner: { phone } } : {}) };
}

export function NewPetitionPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const file = useFilePetition();
  const showProblem = useProblem();
  const nodes = usePublicNodes();
  const places = useMemo(() => areaOptions(nodes.data?.items ?? []), [nodes.data]);

  const submit = (v: Values) =>
    file.mutate(bodyOf(v), {
      onSuccess: (p) => {
        void message.success(t('petitions.resident.submitted', { number: p.number }));
        void navigate(`/m/petitions/${p.id}`, { replace: true });
      },
      onError: (e) => showProblem(e, form),
    });

  return (
    <div className="gz-res__page" data-testid="new-petition">
      <PageHead title={t('petitions.resident.newTitle')} back="/m/petitions" />
      <Card className="gz-mobile__card" size="small">
        <Alert type="info" showIcon title={t('petitions.resident.newHint')} style={{ marginBottom: 16 }} />
        <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={file.isPending}>
          <Form.Item name="title" label={t('petitions.form.title')} extra={t('petitions.form.titleHint')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input maxLength={100} data-testid="new-petition-title" />
          </Form.Item>
          <Form.Item name="content" label={t('petitions.form.content')} extra={t('petitions.form.contentHint')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={6} maxLength={10_000} showCount data-testid="new-petition-content" />
          </Form.Item>
          <Form.Item name="place" label={t('petitions.resident.place')}>
            <Cascader options={places} changeOnSelect placeholder={t('common.select')} data-testid="new-petition-place" />
          </Form.Item>
          <Form.Item name="phone" label={t('petitions.form.phone')}>
            <Input maxLength={30} inputMode="tel" data-testid="new-petition-phone" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={file.isPending} data-testid="new-petition-submit">{t('petitions.resident.submit')}</Button>
        </Form>
      </Card>
    </div>
  );
}
