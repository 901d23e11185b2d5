/**
 * While something shown only once is on screen (the receipt), leaving the page asks first:
 * a tab of the bottom bar or the back button (the router's blocker) and closing or
 * reloading the tab (the browser's own beforeunload prompt).
 */
import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

export function useLeaveGuard(active: boolean, question: { title: string; content: string; okText: string; cancelText: string }): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(active);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({ ...question, onOk: () => blocker.proceed(), onCancel: () => blocker.reset() });
    // Only when the blocker changes state: `question` is a new object at every render.
  }, [blocker.state]);

  useEffect(() => {
    if (!active) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}
