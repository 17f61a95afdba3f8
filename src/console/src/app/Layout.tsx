import type { ReactNode } from 'react';
import { Link, usePath } from './router';
import { setApiKey } from './session';
import { useViewer } from './viewer';

const SECTIONS: Array<{ to: string; label: string }> = [
  { to: '/overview', label: 'Overview' },
  { to: '/webhooks', label: 'Webhooks' },
  { to: '/events', label: 'Events' },
  { to: '/event-types', label: 'Event types' },
  { to: '/api-keys', label: 'API keys' },
  { to: '/graphiql', label: 'GraphiQL' },
];

/** The frame of every signed-in page: navigation, the key in use, sign out. */
export function Layout({ children }: { children: ReactNode }) {
  const path = usePath();
  const viewer = useViewer();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">hookwire</span>
        <span className="who">
          Signed in with <strong>{viewer.name}</strong> ({viewer.scopes.join(', ')}
          {viewer.canChange ? '' : ', read only'})
        </span>
        <button type="button" className="button small" onClick={() => setApiKey(null)}>
          Sign out
        </button>
      </header>
      <nav className="sidebar" aria-label="Sections">
        {SECTIONS.map((section) => (
          <Link key={section.to} to={section.to} aria-current={path === section.to || path.startsWith(`${section.to}/`) ? 'page' : undefined}>
            {section.label}
          </Link>
        ))}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
