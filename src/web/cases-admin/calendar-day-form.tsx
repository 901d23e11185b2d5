/** Records a day of the calendar: a holiday (放假) or a 调休 make-up workday, with its name. */
import { DatePicker, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditDrawer } from '../common/edit-drawer.js';
import { useDrawerForm } from '../common/use-drawer-form.js';
import { useCalendarMutations, type CalendarDay, type DayKind } from './cases-admin.api.js';
import { weekdayOf } from './labels.js';

/** A day to edit (`day` fixed), or null day for a new entry. */
export interface CalendarDayTarget {
  day: string | null;
  current: CalendarDay | null;
}

interface Values {
  kind: DayKind;
  name: string;
}

export function CalendarDayForm({ target, onClose, onSaved }: { target: CalendarDayTarget | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { set } = useCalendarMutations();
  const [picked, setPicked] = useState<string | null>(null);
  const day = target?.day ?? picked;

  const { form, onSubmit } = useDrawerForm<Values>(async (v) => {
    if (!day) return;
    await set.mutateAsync({ day, kind: v.kind, name: v.name.trim() });
    setPicked(null);
    onSaved();
  });

  const weekend = day ? [0, 6].includes(weekdayOf(day)) : true;
  const initial: Partial<Values> = target?.current ? { kind: target.current.kind, name: target.current.name } : { kind: day && weekend ? 'workday' : 'holiday' };
  const title = target?.day ? t('casesAdmin.calendar.editTitle', { day: target.day }) : t('casesAdmin.calendar.createTitle');

  return (
    <EditDrawer<Values> open={target !== null} title={title} form={form} saving={set.isPending} onClose={() => { setPicked(null); onClose(); }} onSubmit={onSubmit} initialValues={initial} testId="calendar-form">
      {target && !target.day ? (
        <Form.Item label={t('casesAdmin.calendar.day')} required>
          <DatePicker onChange={(_, s) => setPicked(typeof s === 'string' && s ? s : null)} style={{ width: 200 }} data-testid="calendar-day-picker" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="kind"
        label={t('casesAdmin.calendar.kind')}
        rules={[{ required: true }, { validator: (_, v: DayKind) => (v === 'workday' && day && !weekend ? Promise.reject(new Error(t('casesAdmin.calendar.workdayRule'))) : Promise.resolve()) }]}
      >
        <Radio.Group optionType="button" options={[{ value: 'holiday', label: t('casesAdmin.calendar.holiday') }, { value: 'workday', label: t('casesAdmin.calendar.workday') }]} />
      </Form.Item>
      <Form.Item name="name" label={t('casesAdmin.calendar.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
        <Input maxLength={50} placeholder={t('casesAdmin.calendar.namePlaceholder')} data-testid="calendar-name" />
      </Form.Item>
    </EditDrawer>
  );
}
