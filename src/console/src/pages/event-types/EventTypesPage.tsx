import { useState, type FormEvent } from 'react';
import { errorField, errorMessage } from '../../app/errors';
import { useViewer } from '../../app/viewer';
import { ConfirmButton } from '../../components/ConfirmButton';
import { pickerGroups } from '../../components/event-groups';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { useEventTypes } from '../../components/use-event-types';
import { useCreateEventType, useDeleteEventType } from './use-event-type-changes';

/** The catalogue by group; custom types created and deleted. */
export function EventTypesPage() {
  const viewer = useViewer();
  const { data, error } = useEventTypes();
  const [createType, { loading }] = useCreateEventType();
  const [deleteType] = useDeleteEventType();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<{ field?: string; text: string } | null>(null);
  const catalogue = data?.eventTypes ?? [];
  const described = new Map(catalogue.map((type) => [type.name, type.description]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await createType({ variables: { input: { name: name.trim(), description } } });
      setName('');
      setDescription('');
    } catch (failure) {
      setProblem({ field: errorField(failure), text: errorMessage(failure) });
    }
  };
  return (
    <section>
      <h1>Event types</h1>
      {error && <Notice tone="error">{errorMessage(error)}</Notice>}
      {viewer.canChange && (
        <form className="card form" onSubmit={(event) => void submit(event)} aria-label="Create event type">
          <h2>Create a custom event type</h2>
          <TextField
            label="Type name"
            value={name}
            placeholder="Invoice.Paid"
            onChange={(event) => setName(event.target.value)}
            error={problem?.field === 'name' ? problem.text : undefined}
            hint="Dotted, like Invoice.Paid"
          />
          <TextField
            label="Description"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            error={problem?.field === 'description' ? problem.text : undefined}
          />
          {problem && !problem.field && <Notice tone="error">{problem.text}</Notice>}
          <button type="submit" className="button primary" disabled={loading || name.trim() === ''}>
            Create event type
          </button>
        </form>
      )}
      {pickerGroups(catalogue).map((group) => (
        <section key={group.label} className="card" aria-label={`${group.label} events`}>
          <h2>
            {group.label} {group.pattern && <code className="muted">{group.pattern}</code>}
          </h2>
          <table className="table compact">
            <tbody>
              {group.types.map((type) => (
                <tr key={type}>
                  <th scope="row">
                    <code>{type}</code>
                  </th>
                  <td className="muted">{described.get(type)}</td>
                  {group.label === 'Custom' && viewer.canChange && (
                    <td>
                      <ConfirmButton
                        label={`Delete ${type}`}
                        title={`Delete the event type ${type}?`}
                        question={<p>It can no longer be emitted; its stored events stay. hookwire refuses while a webhook names it exactly.</p>}
                        confirmLabel="Delete"
                        danger
                        className="button small danger"
                        onConfirm={() => deleteType({ variables: { name: type } })}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
