/**
 * Create or edit an organization. Party organizations pick their level (党委 … 党小组) and a
 * parent in the party chain; social organizations state their charter: which categories of
 * matters they may take, in which area. Node and kind are fixed once created.
 */
import { Divider, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organization, OrgKind, PartyLevel } from '../../api/types.js';
import { EditDrawer } from '../../common/edit-drawer.js';
import { useDrawerForm } from '../../common/use-drawer-form.js';
import { categoryOptions } from '../shared/categories.js';
import { OrgSelect } from '../shared/entity-selects.js';
import { NodeSelect } from '../shared/node-select.js';
import { useOrganizationMutations } from './organizations.api.js';

interface Values {
  nodeId: number;
  kind: OrgKind;
  partyLevel: PartyLevel | null;
  parentOrgId: number | null;
  code: string;
  name: string;
  phone: string;
  charterCategories: string[];
  charterNodeId: number | null;
  active: boolean;
}

const kinds: OrgKind[] = ['party', 'department', 'committee', 'social'];
const partyLevels: PartyLevel[] = ['committee', 'general_branch', 'branch', 'group'];

function initialOf(org: Organization | null): Partial<Values> {
  if (!org) return { kind: 'party', partyLevel: 'branch', charterCategories: [], active: true };
  return { ...org, phone: org.phone ?? '' };
}

export function OrganizationForm({ open, org, onClose, onSaved }: { open: boolean; org: Organization | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { create, update } = useOrganizationMutations();

  const { form, onSubmit } = useDrawerForm<Values>(async (v) => {
    const common = {
      code: v.code.trim(),
      name: v.name.trim(),
      phone: v.phone?.trim() ? v.phone.trim() : null,
      parentOrgId: v.parentOrgId ?? null,
      partyLevel: v.kind === 'party' ? v.partyLevel : null,
      charterCategories: v.kind === 'social' ? v.charterCategories ?? [] : [],
      charterNodeId: v.kind === 'social' ? v.charterNodeId ?? null : null,
    };
    if (org) await update.mutateAsync({ id: org.id, body: { ...common, active: v.active } });
    else await create.mutateAsync({ ...common, nodeId: v.nodeId, kind: v.kind });
    onSaved();
  });
  const kind = Form.useWatch('kind', form) ?? org?.kind ?? 'party';

  return (
    <EditDrawer<Values>
      open={open}
      title={org ? t('orgs.editTitle') : t('orgs.createTitle')}
      form={form}
      saving={create.isPending || update.isPending}
      onClose={onClose}
      onSubmit={onSubmit}
      initialValues={initialOf(org)}
      testId="org-form"
    >
      <Form.Item name="name" label={t('orgs.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input data-testid="org-name" />
      </Form.Item>
      <Form.Item name="code" label={t('orgs.code')} rules={[{ required: true, pattern: /^[0-9A-Za-z][0-9A-Za-z_.-]{0,39}$/ }]}>
        <Input data-testid="org-code" />
      </Form.Item>
      <Form.Item name="nodeId" label={t('orgs.node')} rules={[{ required: true }]}>
        <NodeSelect disabled={!!org} />
      </Form.Item>
      <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true }]}>
        <Select disabled={!!org} options={kinds.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))} />
      </Form.Item>
      {kind === 'party' ? (
        <Form.Item name="partyLevel" label={t('orgs.partyLevel')} rules={[{ required: true }]}>
          <Select options={partyLevels.map((l) => ({ value: l, label: t(`partyLevels.${l}`) }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="parentOrgId" label={t('orgs.parentOrg')}>
        {/* A parent sits on the same node or above, and is of the same kind (the server checks the chain). */}
        <OrgSelect kind={kind} currentLabel={org?.parentOrgName ?? null} />
      </Form.Item>
      <Form.Item name="phone" label={t('orgs.phone')}>
        <Input type="tel" />
      </Form.Item>
      {kind === 'social' ? (
        <>
          <Divider titlePlacement="start" plain>{t('orgs.charter')}</Divider>
          <Form.Item name="charterCategories" label={t('orgs.charterCategories')} extra={t('orgs.charterCategoriesHint')}>
            <Select mode="tags" options={categoryOptions} tokenSeparators={[',', '，']} />
          </Form.Item>
          <Form.Item name="charterNodeId" label={t('orgs.charterNode')}>
            <NodeSelect />
          </Form.Item>
        </>
      ) : null}
      {org ? (
        <Form.Item name="active" label={t('orgs.active')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
        </Form.Item>
      ) : null}
    </EditDrawer>
  );
}
