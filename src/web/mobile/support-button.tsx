/**
 * 我也遇到: follows a public case and counts once per resident (the public list and the
 * similar matters shown while writing one). A visitor without an account is sent to sign in
 * and brought back to `back`.
 */
import { LikeFilled, LikeOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../auth/auth.api.js';
import { useProblem } from '../common/use-problem.js';
import { useSupport, type CaseView } from './resident.api.js';

export function SupportButton({ c, count, supported, onSupported, back = '/m/public' }: { c: CaseView; count: number; supported: boolean; onSupported: (count: number) => void; back?: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const support = useSupport();
  const report = useProblem();
  const click = () => {
    if (!me) {
      void message.info(t('resident.public.signInFirst'));
      void navigate(`/login?next=${encodeURIComponent(back)}`);
      return;
    }
    support.mutate(c.id, {
      onSuccess: (out) => {
        onSupported(out.supportCount);
        void message.success(out.added ? t('resident.public.supportedHint') : t('resident.public.alreadySupported'));
      },
      onError: (e) => report(e),
    });
  };
  return (
    <Button
      type={supported ? 'primary' : 'default'}
      ghost={supported}
      icon={supported ? <LikeFilled /> : <LikeOutlined />}
      loading={support.isPending}
      onClick={click}
      data-testid="support-button"
      data-case-id={c.id}
    >
      {supported ? t('resident.public.supported') : t('resident.public.support')} · <span data-testid="support-count">{count}</span>
    </Button>
  );
}
