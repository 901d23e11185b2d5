/**
 * The form of a create/edit drawer (EditDrawer) and its submit handler. `save` does the
 * writes and what follows success (closing, a toast); if it fails, the server's field errors
 * land on the form's fields (useProblem) and the drawer stays open with the user's input.
 */
import { Form } from 'antd';
import { useProblem, type FieldAliases } from './use-problem.js';

export function useDrawerForm<V>(save: (values: V) => Promise<void>, aliases?: FieldAliases) {
  const [form] = Form.useForm<V>();
  const report = useProblem();
  const onSubmit = (values: V) => void save(values).catch((e: unknown) => report(e, form, aliases));
  return { form, onSubmit };
}
