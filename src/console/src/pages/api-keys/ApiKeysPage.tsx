import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../app/errors';
import { useViewer } from '../../app/viewer';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyButton } from '../../components/CopyButton';
import { formatTime } from '../../components/format';
import { Notice } from '../../components/Notice';
import { Pager, useCursorPages } from '../../components/Pager';
import { TextField } from '../../components/TextField';
import type { ApiKeyScope } from '../../gql/graphql';
import { KEYS_PAGE_SIZE, useApiKeys, useCreateApiKey, useRevokeApiKey } from './use-api-keys';

const SCOPES: Array<{ scope: ApiKeyScope; meaning: string }> = [
  { scope: 'ADMIN', meaning: 'everything' },
  { scope: 'READ', meaning: 'queries and subscriptions' },
  { scope: 'EMIT', meaning: 'emit events and read back their outcomes' },
];

/** API keys: list, create with scopes (the secret shown once), revoke. ADMIN keys only. */
export function ApiKeysPage() {
  const viewer = useViewer();
  const pages = useCursorPages();
  const { data, error } = useApiKeys(pages.after, !viewer.canChange);
  const [createKey, { loading }] = useCreateApiKey();
  const [revokeKey] = useRevokeApiKey();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['READ']);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (!viewer.canChange) return <Notice tone="info">API keys are managed with an ADMIN key; this key can read only.</Notice>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      const answer = await createKey({ variables: { input: { name: name.trim(), scopes } } });
      if (answer.data) setCreated({ name: answer.data.createApiKey.apiKey.name, key: answer.data.createApiKey.key });
      setName('');
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const keys = data?.apiKeys;
  return (
    <section>
      <h1>API keys</h1>
      <form className="card form" onSubmit={(event) => void submit(event)} aria-label="Create API key">
        <h2>Create API key</h2>
        <TextField label="Key name" value={name} onChange={(event) => setName(event.target.value)} required />
        <fieldset>
          <legend>Scopes</legend>
          {SCOPES.map(({ scope, meaning }) => (
            <label key={scope} className="check">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) => setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((item) => item !== scope))}
              />
              {scope} <span className="muted">({meaning})</span>
            </label>
          ))}
        </fieldset>
        {failure && <Notice tone="error">{failure}</Notice>}
        <button type="submit" className="button primary" disabled={loading || name.trim() === '' || scopes.length === 0}>
          Create key
        </button>
      </form>
      {created && (
        <div className="card" role="status" aria-label="New API key">
          <p>
            The key <strong>{created.name}</strong> is shown this once: copy it now.
          </p>
          <div className="row">
            <code className="secret" aria-label="New key">
              {created.key}
            </code>
            <CopyButton text={created.key} label="Copy new key" />
            <button type="button" className="button small" onClick={() => setCreated(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      {error && <Notice tone="error">{errorMessage(error)}</Notice>}
      {keys && (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {keys.nodes.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>{key.scopes.join(', ')}</td>
                  <td>{formatTime(key.createdAt)}</td>
                  <td>
                    {key.revokedAt ? (
                      `Revoked ${formatTime(key.revokedAt)}`
                    ) : (
                      <ConfirmButton
                        label={`Revoke ${key.name}`}
                        title={`Revoke the key “${key.name}”?`}
                        question={<p>Requests with this key fail from now on and its live connections close. This cannot be undone.</p>}
                        confirmLabel="Revoke"
                        danger
                        className="button small danger"
                        onConfirm={() => revokeKey({ variables: { id: key.id } })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            noun="keys"
            page={pages.page}
            pageSize={KEYS_PAGE_SIZE}
            total={keys.totalCount}
            hasNext={keys.pageInfo.hasNextPage}
            onNext={() => pages.next(keys.pageInfo.endCursor ?? null)}
            onPrevious={pages.previous}
          />
        </>
      )}
    </section>
  );
}
