/** Create a post in an organization (书记, 网格员 …) or change its title and holder. */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../api/types.js';
import { EditDrawer } from '../../common/edit-drawer.js';
import { useDrawerForm } from '../../common/use-drawer-form.js';
import { OrgSelect, PersonSelect } from '../shared/entity-selects.js';
import { usePostMutations } from './posts.api.js';

interface Values {
  orgId: number;
  title: string;
  personId: number | null;
}

interface Props {
  open: boolean;
  post: Post | null;
  /** Organization preselected for a new post (the page's filter). */
  defaultOrg: { id: number; name: string } | null;
  onClose: () => void;
  onSaved: () => void;
}

export function PostForm({ open, post, defaultOrg, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { create, update } = usePostMutations();

  const { form, onSubmit } = useDrawerForm<Values>(async (v) => {
    if (post) await update.mutateAsync({ id: post.id, body: { title: v.title.trim(), personId: v.personId ?? null } });
    else await create.mutateAsync({ orgId: v.orgId, title: v.title.trim(), personId: v.personId ?? null });
    onSaved();
  });

  const initial: Partial<Values> = post ? { orgId: post.orgId, title: post.title, personId: post.personId } : { ...(defaultOrg ? { orgId: defaultOrg.id } : {}), personId: null };

  return (
    <EditDrawer<Values> open={open} title={post ? t('posts.editTitle') : t('posts.createTitle')} form={form} saving={create.isPending || update.isPending} onClose={onClose} onSubmit={onSubmit} initialValues={initial} testId="post-form">
      <Form.Item name="orgId" label={t('posts.org')} rules={[{ required: true }]}>
        <OrgSelect disabled={!!post} currentLabel={post?.orgName ?? defaultOrg?.name ?? null} />
      </Form.Item>
      <Form.Item name="title" label={t('posts.postTitle')} extra={t('posts.titleHint')} rules={[{ required: true, whitespace: true, max: 50 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="personId" label={t('posts.person')}>
        <PersonSelect currentLabel={post?.personName ?? null} placeholder={t('posts.vacant')} />
      </Form.Item>
    </EditDrawer>
  );
}
