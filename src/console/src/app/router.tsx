import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** Every console URL starts here; the server answers index.html for anything below it. */
export const BASE = '/console';

// A page with unsaved changes registers a question; navigation asks it before leaving.
let leaveGuard: (() => boolean) | null = null;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

/** The path below /console ("/webhooks/abc/settings"), re-rendering on navigation. */
export function usePath(): string {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  return path === '' ? '/' : path;
}

/** Goes to a console path (history push, or replace); false when a leave guard said no. */
export function navigate(path: string, options: { replace?: boolean } = {}): boolean {
  if (leaveGuard && !leaveGuard()) return false;
  const url = BASE + path;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
  return true;
}

/**
 * While `active`, leaving (a console link, or closing/reloading the tab) asks `message` first.
 */
export function useLeaveGuard(active: boolean, message: string): void {
  useEffect(() => {
    if (!active) return undefined;
    const guard = () => window.confirm(message);
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    leaveGuard = guard;
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      if (leaveGuard === guard) leaveGuard = null;
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [active, message]);
}

/** Matches `pattern` ("/webhooks/:id/settings") against `path`; the named parts, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.replace(/\/$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index += 1) {
    if (want[index].startsWith(':')) params[want[index].slice(1)] = decodeURIComponent(got[index]);
    else if (want[index] !== got[index]) return null;
  }
  return params;
}

/** An anchor to a console path that navigates without reloading. */
export function Link({ to, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a {...props} href={BASE + to} onClick={onClick} />;
}
