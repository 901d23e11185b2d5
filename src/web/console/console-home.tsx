import { Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../auth/me-context.js';
import { roleLabel } from './grant-label.js';

/** The console's landing page: who you are, where you hold which role. */
export function ConsoleHome() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <div className="gz-page" data-testid="console-home">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('home.welcome', { name: me.displayName })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('home.grants')}>
            {me.grants.length === 0 ? (
              <Empty description={t('home.noGrants')} />
            ) : (
              <Flex vertical gap={12}>
                {me.grants.map((g) => (
                  <Flex key={`${g.role}@${g.nodeId}`} align="center" gap={8}>
                    <Tag color="blue">{roleLabel(g.role, t)}</Tag>
                    <span>{g.nodeName ?? g.path}</span>
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('home.comingSoon')}</Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
