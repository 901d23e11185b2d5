/**
 * One way to report a failed call: field errors go onto the form's fields (server paths
 * like `body.name` name them), and the general message goes to a toast.
 */
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiProblem } from '../api/problem.js';
import { problemText } from './problem-text.js';

/** Server field names that a form calls differently (`{ nodeId: 'area' }`). */
export type FieldAliases = Record<string, string>;

/** Returns `report(error, form?, aliases?)`. */
export function useProblem(): (error: unknown, form?: FormInstance, aliases?: FieldAliases) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance, aliases: FieldAliases = {}) => {
      if (form && isApiProblem(error)) {
        const fields = fieldErrors(error).map((f) => {
          const [head, ...rest] = f.name;
          const alias = typeof head === 'string' ? aliases[head] : undefined;
          return alias ? { ...f, name: [alias, ...rest] } : f;
        });
        // Only fields the form actually has; others stay in the toast's detail.
        const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
        const known = fields.filter((f) => registered.has(f.name.join('.')));
        if (known.length > 0) form.setFields(known);
        if (known.length === fields.length && fields.length > 0) {
          void message.error(error.title);
          return;
        }
      }
      void message.error(problemText(error, t));
    },
    [message, t],
  );
}
