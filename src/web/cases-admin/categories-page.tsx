/**
 * 分类目录: the catalogue as a tree on the left, the selected category on the right with
 * what the server allows (add a subcategory, rename a local one, activate/deactivate, sort).
 */
import { EditOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, Descriptions, Empty, Input, Popconfirm, Row, Space, Spin, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { useProblem } from '../common/use-problem.js';
import { useCategories, useCategoryMutations, type Category } from './cases-admin.api.js';
import { CategoryForm, type CategoryFormTarget } from './category-form.js';
import { allCategoryKeys, buildCategoryTree, filterCategoryTree, type CategoryNode } from './category-tree.js';

const systemColors: Record<Category['system'], string> = { taxonomy: 'blue', urban: 'green', local: 'gold' };

function CategoryDetail({ category, onOpenForm }: { category: Category | null; onOpenForm: (t: CategoryFormTarget) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { update } = useCategoryMutations();
  const report = useProblem();
  if (!category) return <Card><Empty description={t('casesAdmin.categories.selectHint')} /></Card>;
  const c = category;
  const setActive = (active: boolean) =>
    update.mutateAsync({ id: c.id, body: { active } }).then(() => void message.success(t('common.saved')), report);

  return (
    <Card
      title={<Space wrap><span data-testid="category-detail-name">{c.name}</span><Tag color={systemColors[c.system]}>{t(`casesAdmin.systems.${c.system}`)}</Tag></Space>}
      data-testid="category-detail"
      extra={
        <Space wrap>
          {c.actions.includes('createChild') ? (
            <Button icon={<PlusOutlined />} onClick={() => onOpenForm({ mode: 'create', parent: c })} disabled={!c.usable} data-testid="category-add-child">{t('casesAdmin.categories.addChild')}</Button>
          ) : null}
          {c.actions.includes('update') ? (
            <Button icon={<EditOutlined />} onClick={() => onOpenForm({ mode: 'edit', category: c })} data-testid="category-edit">
              {c.actions.includes('rename') ? t('casesAdmin.categories.rename') : t('common.edit')}
            </Button>
          ) : null}
          {c.actions.includes('update') && c.active ? (
            <Popconfirm title={t('casesAdmin.categories.disable')} onConfirm={() => setActive(false)} okText={t('common.yes')} cancelText={t('common.no')}>
              <Button danger icon={<StopOutlined />} loading={update.isPending} data-testid="category-disable">{t('casesAdmin.categories.disable')}</Button>
            </Popconfirm>
          ) : null}
          {c.actions.includes('update') && !c.active ? (
            <Button icon={<CheckCircleOutlined />} loading={update.isPending} onClick={() => void setActive(true)} data-testid="category-enable">{t('casesAdmin.categories.enable')}</Button>
          ) : null}
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label={t('casesAdmin.categories.path')} span={2}>{c.path}</Descriptions.Item>
        <Descriptions.Item label={t('casesAdmin.categories.level')}>{t('casesAdmin.categories.levelN', { level: c.level })}</Descriptions.Item>
        <Descriptions.Item label={t('casesAdmin.categories.sortOrder')}>{c.sortOrder}</Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          {c.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
          {c.active && !c.usable ? <Tag color="warning">{t('casesAdmin.categories.hiddenByParent')}</Tag> : null}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function CategoriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, isPending, error, refetch } = useCategories();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);
  const [q, setQ] = useState('');
  const [showInactive, setShowInactive] = useState(true);
  const [formTarget, setFormTarget] = useState<CategoryFormTarget | null>(null);
  const tree = useMemo(() => buildCategoryTree(data ?? [], { usableOnly: !showInactive }), [data, showInactive]);
  const query = q.trim();
  const shown = useMemo(() => (query ? filterCategoryTree(tree, query) : tree), [tree, query]);
  const selected = useMemo(() => data?.find((c) => c.id === selectedId) ?? null, [data, selectedId]);
  // Creating a first-level class needs the same right as every other change: the server says so per row.
  const canConfigure = !!data?.some((c) => c.actions.includes('update'));

  const onSaved = (c: Category) => {
    void message.success(t('common.saved'));
    setFormTarget(null);
    setSelectedId(c.id);
    if (c.parentId) setExpanded((keys) => [...new Set([...keys, c.parentId!])]);
  };

  return (
    <div className="gz-page" data-testid="categories-page">
      <PageHeader
        title={t('casesAdmin.categories.title')}
        hint={t('casesAdmin.categories.hint')}
        extra={canConfigure ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: null })} data-testid="category-add-root">{t('casesAdmin.categories.addRoot')}</Button> : null}
      />
      {error ? <ProblemAlert error={error} onRetry={() => void refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <Card className="gz-tree-card" title={t('casesAdmin.categories.tree')} size="small" extra={<Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>{t('casesAdmin.categories.showInactive')}</Checkbox>}>
            <Input.Search allowClear placeholder={t('casesAdmin.categories.search')} onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 8 }} data-testid="category-search" />
            {isPending ? <Spin /> : null}
            {!isPending && shown.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
            <Tree<CategoryNode>
              treeData={shown}
              blockNode
              height={560}
              selectedKeys={selectedId ? [selectedId] : []}
              expandedKeys={query ? allCategoryKeys(shown) : expanded}
              onExpand={(keys) => setExpanded(keys.map(Number))}
              onSelect={(_, info) => setSelectedId(info.node.category.id)}
              titleRender={(n) => (
                <span className={n.category.usable ? undefined : 'gz-inactive'} data-testid={`category-${n.category.id}`}>
                  {n.category.name}
                  {n.category.system === 'local' ? <Typography.Text type="secondary"> · {t('casesAdmin.systems.local')}</Typography.Text> : null}
                </span>
              )}
              data-testid="category-tree"
            />
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          <CategoryDetail category={selected} onOpenForm={setFormTarget} />
        </Col>
      </Row>
      <CategoryForm target={formTarget} onClose={() => setFormTarget(null)} onSaved={onSaved} />
    </div>
  );
}
