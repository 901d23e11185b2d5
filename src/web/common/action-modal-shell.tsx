/**
 * The frame of a modal that sends one action on the record the page shows (a report, a
 * petition): cancel and the action's button in the footer; once the server refused the send
 * for a reason a retry cannot mend (409: the record moved on meanwhile, or the step is not
 * allowed), the button is blocked and an alert says why — with a reload button when the page
 * can fetch the record again.
 */
import { Alert, Button, Flex, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ActionModalShellProps {
  title: string;
  /** The action's name, on its button. */
  okText: string;
  pending: boolean;
  onOk: () => void;
  onClose: () => void;
  /** Why the send was refused (blocks the button); null while it may be sent. */
  refusal: string | null;
  refusalTitle: string;
  /** Offered with the refusal: reload the record (the modal closes). */
  reload?: { text: string; onReload: () => void };
  danger?: boolean;
  /** Prefix of the test ids: `<id>-modal`, `-ok`, `-cancel`, `-refused`, `-reload`. */
  testId: string;
  children: ReactNode;
}

export function ActionModalShell(p: ActionModalShellProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={p.title}
      onCancel={p.onClose}
      destroyOnHidden
      data-testid={`${p.testId}-modal`}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={p.onClose} data-testid={`${p.testId}-cancel`}>{t('common.cancel')}</Button>
          <Button type="primary" danger={p.danger} loading={p.pending} disabled={p.refusal !== null} onClick={p.onOk} data-testid={`${p.testId}-ok`}>{p.okText}</Button>
        </Flex>
      }
    >
      {p.refusal !== null ? (
        <Alert
          type="error"
          showIcon
          title={p.refusalTitle}
          description={p.refusal}
          action={p.reload ? <Button size="small" onClick={() => { p.reload!.onReload(); p.onClose(); }} data-testid={`${p.testId}-reload`}>{p.reload.text}</Button> : undefined}
          style={{ marginBottom: 16 }}
          data-testid={`${p.testId}-refused`}
        />
      ) : null}
      {p.children}
    </Modal>
  );
}
