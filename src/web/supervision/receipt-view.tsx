/**
 * The receipt, shown once after a report is filed: four groups of four digits, large, a copy
 * button and the warning that a lost receipt cannot be found again (the server keeps only an
 * Argon2id hash of it). "我已妥善保存" drops it from the page for good.
 */
import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { copyText } from '../mobile/submitted-view.js';
import { formatReceipt, receiptGroups } from './receipt.js';

export function ReceiptView({ receipt, onDone }: { receipt: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    if (await copyText(formatReceipt(receipt))) void message.success(t('supervision.receipt.copied'));
    else void message.error(t('supervision.receipt.copyFailed'));
  };
  return (
    <Card className="gz-mobile__card" data-testid="sv-filed">
      <Flex vertical gap={14}>
        <Flex vertical align="center" gap={4}>
          <CheckCircleFilled style={{ fontSize: 48, color: '#52c41a' }} />
          <Typography.Title level={4} style={{ margin: 0 }}>{t('supervision.receipt.title')}</Typography.Title>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>{t('supervision.receipt.subtitle')}</Typography.Text>
        </Flex>
        <div>
          <div className="gz-sv-receipt__label">{t('supervision.receipt.label')}</div>
          {/* Real spaces between the groups, so a selection copies them as they are shown. */}
          <div className="gz-sv-receipt" data-testid="sv-receipt" aria-label={`${t('supervision.receipt.label')} ${formatReceipt(receipt)}`}>
            {receiptGroups(receipt).map((g, i) => (
              <span key={i} className="gz-sv-receipt__group">{i > 0 ? ' ' : ''}{g}</span>
            ))}
          </div>
        </div>
        <Button type="primary" size="large" block icon={<CopyOutlined />} onClick={() => void copy()} data-testid="sv-receipt-copy">{t('supervision.receipt.copy')}</Button>
        <Alert type="warning" showIcon title={t('supervision.receipt.warning')} description={t('supervision.receipt.warningDetail')} data-testid="sv-receipt-warning" />
        <Button block size="large" onClick={onDone} data-testid="sv-receipt-done">{t('supervision.receipt.done')}</Button>
      </Flex>
    </Card>
  );
}
