import Button, { type ButtonProps } from '@mui/material/Button';
import { useState, type ReactNode } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { errorMessage } from '../../shared/client';

/** A button whose action runs only after a confirmation dialog; errors become a notification. */
export function ConfirmedButton(props: {
  label: ReactNode;
  title: string;
  content: ReactNode;
  confirmLabel?: string;
  onConfirm: () => Promise<unknown>;
  done?: string;
  buttonProps?: ButtonProps;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  return (
    <>
      <Button size="small" variant="outlined" {...props.buttonProps} onClick={() => setOpen(true)} disabled={busy || props.buttonProps?.disabled}>
        {props.label}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={props.title}
        content={props.content}
        confirm={props.confirmLabel ?? 'Confirm'}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          setBusy(true);
          try {
            await props.onConfirm();
            if (props.done) notify(props.done, { type: 'success' });
            setOpen(false);
          } catch (err) {
            notify(errorMessage(err), { type: 'error' });
          } finally {
            setBusy(false);
          }
        }}
      />
    </>
  );
}
