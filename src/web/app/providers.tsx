/**
 * App-wide providers: data cache, antd theme (without animations for a user who asked the
 * system for less motion) and locale (following the UI language), antd's
 * App context (for toasts), and the watcher that turns a lost session into the sign-in page.
 */
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { onUnauthenticated } from '../api/client.js';
import { isApiProblem } from '../api/problem.js';
import { ME_KEY } from '../auth/auth.api.js';
import { useReducedMotion } from '../common/use-reduced-motion.js';
import { currentLanguage } from '../i18n/index.js';
import { antdLocales } from './antd-locale.js';
import { theme } from './theme.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a 4xx only repeats the same answer.
      retry: (count, error) => count < 2 && !(isApiProblem(error) && error.status >= 400 && error.status < 500),
    },
  },
});

function SessionWatcher() {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  useEffect(
    () =>
      onUnauthenticated(() => {
        // The route guards see "nobody" and go to the sign-in page.
        qc.setQueryData(ME_KEY, null);
        void message.warning({ content: t('errors.sessionExpired'), key: 'session-expired' });
      }),
    [qc, message, t],
  );
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'en-US' ? 'en-US' : currentLanguage();
  const reduceMotion = useReducedMotion();
  const themed = useMemo(() => (reduceMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reduceMotion]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={antdLocales[lang]} theme={themed}>
        <AntApp>
          <SessionWatcher />
          {children}
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
