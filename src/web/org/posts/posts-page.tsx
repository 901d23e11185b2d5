/** 岗位: the posts of organizations and who holds them (职责落实到人). */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../api/types.js';
import { useMe } from '../../auth/auth.api.js';
import { ListTable } from '../../common/list-table.js';
import { PageHeader } from '../../common/page-header.js';
import { RowActions } from '../../common/row-actions.js';
import { useEditing } from '../../common/use-editing.js';
import { usePaging } from '../../common/use-paging.js';
import { useProblem } from '../../common/use-problem.js';
import { OrgSelect } from '../shared/entity-selects.js';
import { PostForm } from './post-form.js';
import { usePostMutations, usePosts } from './posts.api.js';

export function PostsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const report = useProblem();
  const [org, setOrg] = useState<{ id: number; name: string } | null>(null);
  const paging = usePaging(20);
  const list = usePosts({ ...paging.window, ...(org ? { orgId: org.id } : {}) });
  const { remove } = usePostMutations();
  const editing = useEditing<Post>();

  const columns: TableColumnsType<Post> = [
    { title: t('posts.postTitle'), dataIndex: 'title' },
    { title: t('posts.org'), dataIndex: 'orgName' },
    { title: t('posts.person'), dataIndex: 'personName', render: (v: string | null) => v ?? <Tag>{t('posts.vacant')}</Tag> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, p) => <RowActions actions={p.actions} name={p.title} testId={`post-${p.id}`} onEdit={() => editing.edit(p)} onDelete={() => remove.mutateAsync(p.id).then(() => void message.success(t('common.deleted')), report)} />,
    },
  ];

  return (
    <div className="gz-page" data-testid="posts-page">
      <PageHeader title={t('posts.title')} extra={me?.permissions.includes('org.write') ? <Button type="primary" icon={<PlusOutlined />} onClick={editing.create}>{t('common.create')}</Button> : null} />
      <Flex wrap gap={8} className="gz-filters">
        <OrgSelect
          value={org?.id ?? null}
          currentLabel={org?.name ?? null}
          placeholder={t('posts.org')}
          style={{ minWidth: 280 }}
          onChange={(id, name) => {
            setOrg(id ? { id, name: name ?? '' } : null);
            paging.first();
          }}
        />
      </Flex>
      <ListTable list={list} columns={columns} paging={paging} />
      <PostForm open={editing.open} post={editing.current} defaultOrg={org} onClose={editing.close} onSaved={() => { void message.success(t('common.saved')); editing.close(); }} />
    </div>
  );
}
