/**
 * The create/edit drawer of the console's forms: a vertical form, Save and Cancel in the
 * footer, full width on phones. Its form and submit come from useDrawerForm, which puts
 * server field errors on the fields.
 */
import { Button, Drawer, Flex, Form, Grid, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<V> {
  open: boolean;
  title: string;
  form: FormInstance<V>;
  saving: boolean;
  onClose: () => void;
  onSubmit: (values: V) => void;
  initialValues?: Partial<V>;
  children: ReactNode;
  testId: string;
}

export function EditDrawer<V>({ open, title, form, saving, onClose, onSubmit, initialValues, children, testId }: Props<V>) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={screens.md ? 520 : '100%'}
      destroyOnHidden
      data-testid={testId}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} data-testid={`${testId}-cancel`}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid={`${testId}-save`}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={onSubmit} preserve={false}>
        {children}
      </Form>
    </Drawer>
  );
}
