/** Create or edit a person (resident, grid worker, cadre, party member …). */
import { Form, Input, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.js';
import { EditDrawer } from '../../common/edit-drawer.js';
import { useDrawerForm } from '../../common/use-drawer-form.js';
import { NodeSelect } from '../shared/node-select.js';
import { usePersonMutations } from './people.api.js';

interface Values {
  name: string;
  nodeId: number;
  phone: string;
  gender: 'male' | 'female' | null;
  partyMember: boolean;
  note: string;
}

export function PersonForm({ open, person, onClose, onSaved }: { open: boolean; person: Person | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { create, update } = usePersonMutations();

  const { form, onSubmit } = useDrawerForm<Values>(async (v) => {
    const body = {
      name: v.name.trim(),
      nodeId: v.nodeId,
      phone: v.phone?.trim() ? v.phone.trim() : null,
      gender: v.gender ?? null,
      partyMember: v.partyMember,
      note: v.note?.trim() ? v.note.trim() : null,
    };
    if (person) await update.mutateAsync({ id: person.id, body });
    else await create.mutateAsync(body);
    onSaved();
  });

  const initial: Partial<Values> = person
    ? { name: person.name, nodeId: person.nodeId, phone: person.phone ?? '', gender: person.gender, partyMember: person.partyMember, note: person.note ?? '' }
    : { partyMember: false, gender: null };

  return (
    <EditDrawer<Values> open={open} title={person ? t('people.editTitle') : t('people.createTitle')} form={form} saving={create.isPending || update.isPending} onClose={onClose} onSubmit={onSubmit} initialValues={initial} testId="person-form">
      <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
        <Input data-testid="person-name" />
      </Form.Item>
      <Form.Item name="nodeId" label={t('people.node')} rules={[{ required: true }]}>
        <NodeSelect />
      </Form.Item>
      <Form.Item name="phone" label={t('people.phone')}>
        <Input type="tel" />
      </Form.Item>
      <Form.Item name="gender" label={t('people.gender')}>
        <Radio.Group options={[{ value: 'male', label: t('people.male') }, { value: 'female', label: t('people.female') }]} />
      </Form.Item>
      <Form.Item name="partyMember" label={t('people.partyMember')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="note" label={t('people.note')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </EditDrawer>
  );
}
