/**
 * 登记来信来访: a registrar records a letter, visit or call with the petitioner's name and
 * phone. A group visit names its representatives; more than 5 comes back from the server as
 * a field error (the rule and its words are the server's).
 */
import { App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useProblem } from '../common/use-problem.js';
import { NodeSelect } from '../org/shared/node-select.js';
import { recordBody, type RecordValues } from './petition-forms.js';
import { useFilePetition } from './petitions.api.js';

export function PetitionRecordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<RecordValues>();
  const file = useFilePetition();
  const showProblem = useProblem();
  const channel = Form.useWatch('channel', form);

  const submit = (v: RecordValues) =>
    file.mutate(recordBody(v), {
      onSuccess: (p) => {
        void message.success(t('petitions.form.recorded', { number: p.number }));
        onClose();
        void navigate(`/console/petitions/${p.id}`);
      },
      onError: (e) => showProblem(e, form),
    });

  return (
    <Modal open title={t('petitions.form.recordTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.submit')} confirmLoading={file.isPending} destroyOnHidden data-testid="petition-record-modal" okButtonProps={{ 'data-testid': 'petition-record-ok' }}>
      <Form<RecordValues> form={form} layout="vertical" initialValues={{ channel: 'letter', representatives: 1 }} onFinish={submit} preserve={false}>
        <Form.Item name="channel" label={t('petitions.form.channel')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="petition-record-channel">
            {(['letter', 'visit', 'phone'] as const).map((c) => <Radio.Button key={c} value={c}><span data-testid={`petition-channel-${c}`}>{t(`petitions.channels.${c}`)}</span></Radio.Button>)}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="nodeId" label={t('petitions.form.place')} extra={t('petitions.form.placeHint')}>
          <NodeSelect data-testid="petition-record-node" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label={t('petitions.form.title')} extra={t('petitions.form.titleHint')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input maxLength={100} data-testid="petition-record-title" />
        </Form.Item>
        <Form.Item name="content" label={t('petitions.form.content')} extra={t('petitions.form.contentHint')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={10_000} showCount data-testid="petition-record-content" />
        </Form.Item>
        <Form.Item name="name" label={t('petitions.form.name')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <Input maxLength={50} data-testid="petition-record-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('petitions.form.phone')}>
          <Input maxLength={30} inputMode="tel" data-testid="petition-record-phone" />
        </Form.Item>
        {channel === 'visit' ? (
          <Form.Item name="representatives" label={t('petitions.form.representatives')} extra={t('petitions.form.representativesHint')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} data-testid="petition-record-representatives" />
          </Form.Item>
        ) : null}
        <Form.Item name="caseNumber" label={t('petitions.form.caseNumber')}>
          <Input maxLength={40} data-testid="petition-record-case" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
