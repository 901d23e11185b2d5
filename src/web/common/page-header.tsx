import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title with its main buttons on the right (wrapping under it on narrow screens). */
export function PageHeader({ title, extra, hint }: { title: string; extra?: ReactNode; hint?: string }) {
  return (
    <div className="gz-page-header">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
        {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
      </Flex>
      {hint ? <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{hint}</Typography.Paragraph> : null}
    </div>
  );
}
