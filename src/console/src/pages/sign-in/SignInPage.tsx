import { useState, type FormEvent } from 'react';
import { createApolloClient } from '../../app/apollo';
import { ViewerDocument } from '../../app/App';
import { errorCode, errorMessage } from '../../app/errors';
import { setApiKey } from '../../app/session';
import { Notice } from '../../components/Notice';

/** Asks the server who `key` is: the reason to refuse it, or null to keep it. */
async function checkKey(key: string): Promise<string | null> {
  const { client, dispose } = createApolloClient(key);
  try {
    const { data } = await client.query({ query: ViewerDocument, fetchPolicy: 'network-only' });
    const scopes = data?.viewer.scopes ?? [];
    if (!scopes.includes('ADMIN') && !scopes.includes('READ')) {
      return 'This key can only emit events. Sign in with a READ key (to look) or an ADMIN key (to change things).';
    }
    return null;
  } catch (error) {
    if (errorCode(error) === 'UNAUTHENTICATED') return 'This API key is not valid: it is mistyped, revoked, or from another server.';
    return `Could not reach hookwire: ${errorMessage(error)}`;
  } finally {
    dispose();
  }
}

/** Sign in with an API key, kept for this tab's session only. */
export function SignInPage() {
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const reason = await checkKey(key.trim());
    setBusy(false);
    setProblem(reason);
    if (!reason) setApiKey(key.trim());
  };
  return (
    <main className="sign-in">
      <form className="card" onSubmit={(event) => void submit(event)}>
        <h1>hookwire console</h1>
        <p className="muted">Sign in with an API key. An ADMIN key can change everything; a READ key can look.</p>
        <label className="field">
          <span>API key</span>
          <input type="password" autoComplete="off" required value={key} onChange={(event) => setKey(event.target.value)} autoFocus />
        </label>
        {problem && <Notice tone="error">{problem}</Notice>}
        <button type="submit" className="button primary" disabled={busy || key.trim() === ''}>
          Sign in
        </button>
      </form>
    </main>
  );
}
