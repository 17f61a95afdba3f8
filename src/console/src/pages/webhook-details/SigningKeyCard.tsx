import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyButton } from '../../components/CopyButton';
import { formatTime } from '../../components/format';
import { useEndRetiredKeys, useRegenerateKey, useSigningKey } from './use-signing-key';

const GRACE_PERIODS: Array<{ value: string; label: string }> = [
  { value: '24h', label: '24 hours' },
  { value: '1h', label: '1 hour' },
  { value: '7d', label: '7 days' },
  { value: '0s', label: 'None: the old key stops now' },
];

/** The signing key masked, with reveal, copy, and regenerate with a grace period; retired keys and ending them. */
export function SigningKeyCard({ hookId }: { hookId: string }) {
  const { data } = useSigningKey(hookId, false);
  const [revealed, setRevealed] = useState(false);
  const [grace, setGrace] = useState('24h');
  const [regenerate] = useRegenerateKey();
  const [endRetired] = useEndRetiredKeys();
  if (!data) return null;
  const { signingKey, retiredSigningKeys } = data.hook;
  return (
    <section className="card" aria-labelledby="signing-key-title">
      <h2 id="signing-key-title">Signing key</h2>
      <p className="muted">Receivers verify the signature headers with this key.</p>
      <div className="row">
        <code className="secret" aria-label="Current signing key">
          {revealed ? signingKey : `${signingKey.slice(0, 6)}${'•'.repeat(24)}`}
        </code>
        <button type="button" className="button small" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {revealed ? 'Hide key' : 'Reveal key'}
        </button>
        <CopyButton text={signingKey} label="Copy signing key" />
      </div>
      <div className="row">
        <label className="field inline">
          <span>Old key keeps signing for</span>
          <select value={grace} onChange={(event) => setGrace(event.target.value)}>
            {GRACE_PERIODS.map((period) => (
              <option key={period.value} value={period.value}>
                {period.label}
              </option>
            ))}
          </select>
        </label>
        <ConfirmButton
          label="Regenerate key"
          title="Regenerate the signing key?"
          question={
            <p>
              A new key signs from now on.{' '}
              {grace === '0s' ? 'The current key and every retired key stop signing now: receivers must switch at once.' : `The current key keeps signing beside it for ${GRACE_PERIODS.find((p) => p.value === grace)?.label}.`}
            </p>
          }
          confirmLabel="Regenerate"
          onConfirm={() => regenerate({ variables: { id: hookId, gracePeriod: grace } })}
        />
      </div>
      {retiredSigningKeys.length > 0 && (
        <div>
          <h3>Retired keys still signing</h3>
          <ul className="plain-list">
            {retiredSigningKeys.map((retired) => (
              <li key={retired.key}>
                <code>{retired.key.slice(0, 10)}…</code> until {formatTime(retired.expiresAt)}
              </li>
            ))}
          </ul>
          <ConfirmButton
            label="End retired keys now"
            title="End the retired keys now?"
            question={<p>Only the current key will sign; receivers still verifying with an old key start failing.</p>}
            confirmLabel="End retired keys"
            danger
            onConfirm={() => endRetired({ variables: { id: hookId } })}
          />
        </div>
      )}
    </section>
  );
}
