import { useState, type FormEvent } from 'react';
import { errorField, errorMessage } from '../../app/errors';
import { Link, navigate } from '../../app/router';
import { useViewer } from '../../app/viewer';
import { EventPicker } from '../../components/EventPicker';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { useCreateHook } from './use-create-hook';

type Field = 'name' | 'url' | 'events';

/** What the form checks before asking the server, which checks everything again (its errors land on their field). */
function checkForm(name: string, url: string, events: string[]): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  if (name.trim() === '') problems.name = 'Name is required';
  if (url.trim() === '') problems.url = 'Endpoint URL is required';
  else if (!URL.canParse(url.trim())) problems.url = 'Endpoint URL must be a valid URL, such as https://example.com/hooks';
  if (events.length === 0) problems.events = 'Pick at least one event';
  return problems;
}

/** Logto's create dialog as a page: name, endpoint URL, events (at least one). New hooks start enabled. */
export function CreateWebhookPage() {
  const viewer = useViewer();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [createHook, { loading }] = useCreateHook();
  // Editing a field clears its message; the next submit checks again.
  const edited = (field: Field) => setProblems((current) => ({ ...current, [field]: undefined }));
  if (!viewer.canChange) return <Notice tone="info">This key can read only: creating webhooks needs an ADMIN key.</Notice>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkForm(name, url, events);
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      const { data } = await createHook({ variables: { input: { name: name.trim(), url: url.trim(), events } } });
      if (data) navigate(`/webhooks/${data.createHook.id}/settings`);
    } catch (error) {
      const field = errorField(error);
      if (field === 'name' || field === 'url' || field === 'events') setProblems({ [field]: errorMessage(error) });
      else setFailure(errorMessage(error));
    }
  };

  return (
    <section>
      <div className="page-head">
        <h1>Create webhook</h1>
        <Link to="/webhooks">Back to webhooks</Link>
      </div>
      <form className="card form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField label="Name" value={name} onChange={(event) => (setName(event.target.value), edited('name'))} error={problems.name} maxLength={256} />
        <TextField
          label="Endpoint URL"
          type="url"
          value={url}
          onChange={(event) => (setUrl(event.target.value), edited('url'))}
          error={problems.url}
          placeholder="https://example.com/webhooks"
        />
        <EventPicker value={events} onChange={(next) => (setEvents(next), edited('events'))} error={problems.events} />
        {failure && <Notice tone="error">{failure}</Notice>}
        <div className="row end">
          <Link className="button" to="/webhooks">
            Cancel
          </Link>
          <button type="submit" className="button primary" disabled={loading}>
            Create webhook
          </button>
        </div>
      </form>
    </section>
  );
}
