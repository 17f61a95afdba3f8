import { useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../app/errors';
import { Notice } from './Notice';

/**
 * A button that opens a modal dialog asking `question`; `onConfirm` runs only after the
 * dialog's `confirmLabel` button is pressed. Escape or Cancel closes it.
 */
export function ConfirmButton(props: {
  label: string;
  title: string;
  question: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  disabled?: boolean;
  onConfirm(): Promise<unknown> | void;
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const open = () => {
    setFailure(null);
    dialog.current?.showModal();
  };
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
      dialog.current?.close();
    } catch (error) {
      // Refused by the server (say, the last admin key): the dialog stays open and says why.
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className={props.className ?? (props.danger ? 'button danger' : 'button')} disabled={props.disabled} onClick={open}>
        {props.label}
      </button>
      <dialog ref={dialog} aria-label={props.title} className="dialog">
        <h2>{props.title}</h2>
        <div className="dialog-body">{props.question}</div>
        {failure && <Notice tone="error">{failure}</Notice>}
        <div className="row end">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className={props.danger ? 'button danger' : 'button primary'} disabled={busy} onClick={() => void confirm()}>
            {props.confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
