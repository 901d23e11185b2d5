/** A case's photos (the reporter's and the handler's evidence) as thumbnails with a preview. */
import { Empty, Flex, Image, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePhotos } from './cases.api.js';

function withOriginal(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}original=true`;
}

export function CasePhotos({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const photos = usePhotos(caseId);
  const items = photos.data?.items ?? [];
  if (photos.isPending) return null;
  if (photos.error) return <Typography.Text type="secondary">{t('errors.loadFailed')}</Typography.Text>;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.detail.noPhotos')} />;
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={12} data-testid="case-photos">
        {items.map((p) => (
          <Flex key={p.id} vertical gap={4} align="center">
            <Image src={p.url} width={104} height={104} style={{ objectFit: 'cover', borderRadius: 6 }} alt="" data-testid={`case-photo-${p.id}`} />
            <Flex gap={4} align="center">
              <Tag>{p.stage === 'intake' ? t('cases.detail.stageIntake') : t('cases.detail.stageEvidence')}</Tag>
              <Typography.Link href={withOriginal(p.url)} target="_blank" rel="noreferrer" style={{ fontSize: 12 }}>{t('cases.detail.original')}</Typography.Link>
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
