/**
 * 热线登记: an operator records a caller's matter (channel hotline; the caller's name and
 * phone are required), then reads the case number and the one-time tracking code out.
 */
import { CheckCircleFilled, PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, Result, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInMe } from '../auth/me-context.js';
import { PageHeader } from '../common/page-header.js';
import { useProblem } from '../common/use-problem.js';
import { NodeSelect } from '../org/shared/node-select.js';
import { caseTypes, urgencies } from './case-labels.js';
import { CategorySelect } from './case-selects.js';
import { StateTag } from './case-table.js';
import { isHandedOff, useSubmitCase, type CaseType, type HandedOff, type IntakeOut, type Submitted, type Urgency } from './cases.api.js';
import { formatReceipt } from '../supervision/receipt.js';

interface Values {
  contactName: string;
  contactPhone: string;
  type: CaseType;
  title: string;
  description: string;
  categoryId: number | null;
  nodeId: number;
  address?: string;
  urgency: Urgency;
  isPublic: boolean;
  aboutOfficial: boolean;
}

const PHONE = /^\+?[0-9][0-9 ()-]{2,29}$/;

function Receipt({ out, onAgain }: { out: Submitted; onAgain: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const c = out.case;
  return (
    <Card data-testid="intake-result">
      <Result
        icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
        title={t('cases.intake.success')}
        subTitle={t('cases.intake.readOut')}
        extra={[
          me.permissions.includes('cases.read') ? (
            <Link key="view" to={`/console/cases/${c.id}`}><Button data-testid="intake-view">{t('cases.intake.view')}</Button></Link>
          ) : null,
          <Button key="again" type="primary" onClick={onAgain} data-testid="intake-again">{t('cases.intake.again')}</Button>,
        ]}
      >
        <Descriptions column={1} bordered size="middle" style={{ maxWidth: 560, margin: '0 auto' }}>
          <Descriptions.Item label={t('cases.fields.number')}>
            <Typography.Text className="gz-mono" copyable strong style={{ fontSize: 20 }} data-testid="intake-number">{c.number}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.intake.trackingCode')}>
            <Typography.Text className="gz-mono" copyable strong style={{ fontSize: 20, letterSpacing: 2 }} data-testid="intake-tracking-code">{out.trackingCode}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.title')}>{c.title}</Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.state')}><StateTag state={c.state} /></Descriptions.Item>
          {c.route.unit ? (
            <Descriptions.Item label={t('cases.fields.route')}>{c.route.mode ? t('cases.fields.unitWithMode', { unit: c.route.unit.name, mode: t(`cases.modes.${c.route.mode}`) }) : c.route.unit.name}</Descriptions.Item>
          ) : null}
        </Descriptions>
        {c.refusalReason ? <Alert type="warning" showIcon title={t('cases.intake.refusedNote', { reason: c.refusalReason })} style={{ maxWidth: 560, margin: '16px auto 0' }} /> : null}
      </Result>
    </Card>
  );
}

/** A 举报 about an official went to the supervision channel: the receipt to read out to the caller, once. */
function HandedOffReceipt({ out, onAgain }: { out: HandedOff; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="intake-handed-off">
      <Result
        icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
        title={t('cases.intake.handedOff')}
        subTitle={t('cases.intake.handedOffReadOut')}
        extra={[<Button key="again" type="primary" onClick={onAgain} data-testid="intake-again">{t('cases.intake.again')}</Button>]}
      >
        {out.receipt ? (
          <Descriptions column={1} bordered size="middle" style={{ maxWidth: 560, margin: '0 auto' }}>
            <Descriptions.Item label={t('supervision.receipt.label')}>
              <Typography.Text className="gz-mono" copyable strong style={{ fontSize: 20, letterSpacing: 2 }} data-testid="intake-receipt">{formatReceipt(out.receipt)}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Result>
    </Card>
  );
}

export function HotlineIntakePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitCase();
  const report = useProblem();
  const [out, setOut] = useState<IntakeOut | null>(null);
  const type = Form.useWatch('type', form);

  const send = async (v: Values) => {
    try {
      const result = await submit.mutateAsync({
        channel: 'hotline',
        type: v.type,
        title: v.title.trim(),
        description: v.description.trim(),
        categoryId: v.categoryId ?? null,
        nodeId: v.nodeId,
        address: v.address?.trim() ? v.address.trim() : null,
        contactName: v.contactName.trim(),
        contactPhone: v.contactPhone.trim(),
        urgency: v.urgency,
        isPublic: v.isPublic,
        aboutOfficial: v.type === 'report' && v.aboutOfficial,
      });
      setOut(result);
    } catch (e) {
      report(e, form);
    }
  };

  const again = () => {
    setOut(null);
    form.resetFields();
  };

  return (
    <div className="gz-page" data-testid="hotline-intake-page">
      <PageHeader title={t('cases.intake.title')} hint={t('cases.intake.hint')} />
      {out ? (
        isHandedOff(out) ? <HandedOffReceipt out={out} onAgain={again} /> : <Receipt out={out} onAgain={again} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void send(v)}
          initialValues={{ type: 'help', urgency: 'general', isPublic: false, aboutOfficial: false, categoryId: null }}
          data-testid="intake-form"
        >
          <Row gutter={16}>
            <Col xs={24} lg={8}>
              <Card title={<><PhoneOutlined /> {t('cases.intake.caller')}</>} size="small" style={{ marginBottom: 16 }}>
                <Form.Item name="contactName" label={t('cases.fields.contactName')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
                  <Input maxLength={50} autoFocus data-testid="intake-contact-name" />
                </Form.Item>
                <Form.Item name="contactPhone" label={t('cases.fields.contactPhone')} rules={[{ required: true, whitespace: true }, { pattern: PHONE, message: t('register.phoneInvalid') }]}>
                  <Input maxLength={30} inputMode="tel" data-testid="intake-contact-phone" />
                </Form.Item>
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card title={t('cases.intake.matter')} size="small" style={{ marginBottom: 16 }}>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item name="type" label={t('cases.fields.type')} rules={[{ required: true }]}>
                      <Select options={caseTypes.map((k) => ({ value: k, label: t(`cases.types.${k}`) }))} data-testid="intake-type" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="urgency" label={t('cases.fields.urgency')} rules={[{ required: true }]}>
                      <Select options={urgencies.map((k) => ({ value: k, label: t(`cases.urgencies.${k}`) }))} data-testid="intake-urgency" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="title" label={t('cases.fields.title')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
                  <Input maxLength={100} placeholder={t('cases.intake.titlePlaceholder')} data-testid="intake-title" />
                </Form.Item>
                <Form.Item name="description" label={t('cases.fields.description')} rules={[{ required: true, whitespace: true }, { max: 5000 }]}>
                  <Input.TextArea rows={5} maxLength={5000} showCount data-testid="intake-description" />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item name="categoryId" label={t('cases.fields.category')}>
                      <CategorySelect style={{ width: '100%' }} data-testid="intake-category" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="nodeId" label={t('cases.fields.area')} rules={[{ required: true }]}>
                      <NodeSelect style={{ width: '100%' }} data-testid="intake-area" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="address" label={t('cases.fields.address')} rules={[{ max: 200 }]}>
                  <Input maxLength={200} placeholder={t('cases.intake.addressPlaceholder')} data-testid="intake-address" />
                </Form.Item>
                <Form.Item name="isPublic" valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox data-testid="intake-public">{t('cases.intake.isPublic')}</Checkbox>
                </Form.Item>
                {type === 'report' ? (
                  <Form.Item name="aboutOfficial" valuePropName="checked" extra={t('cases.intake.aboutOfficialHint')}>
                    <Checkbox data-testid="intake-about-official">{t('cases.intake.aboutOfficial')}</Checkbox>
                  </Form.Item>
                ) : null}
              </Card>
            </Col>
          </Row>
          <Flex justify="flex-end">
            <Button type="primary" htmlType="submit" size="large" loading={submit.isPending} data-testid="intake-submit">{t('cases.intake.submit')}</Button>
          </Flex>
        </Form>
      )}
    </div>
  );
}
