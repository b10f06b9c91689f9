import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { type ReactNode } from 'react';

/** A form dialog of the console: titled (its id labels it), not closable while it saves. */
export function FormDialog(props: {
  open?: boolean;
  titleId: string;
  title: ReactNode;
  busy: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      open={props.open ?? true}
      onClose={props.busy ? undefined : props.onClose}
      aria-labelledby={props.titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={props.titleId} sx={{ overflowWrap: 'anywhere' }}>
        {props.title}
      </DialogTitle>
      {props.children}
    </Dialog>
  );
}

/** Cancel and the submit button of a form dialog. */
export function FormDialogActions(props: { busy: boolean; onClose: () => void; submitLabel: ReactNode; color?: 'primary' | 'error' }) {
  return (
    <DialogActions>
      <Button onClick={props.onClose} disabled={props.busy}>
        Cancel
      </Button>
      <Button type="submit" variant="contained" color={props.color} disabled={props.busy}>
        {props.submitLabel}
      </Button>
    </DialogActions>
  );
}

/** The required reason of a money action, for the audit log. */
export function ReasonField(props: {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  helperText: string;
  testId?: string;
}) {
  return (
    <TextField
      label="Reason"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={!!props.error}
      helperText={props.error ?? props.helperText}
      required
      multiline
      minRows={2}
      slotProps={{ htmlInput: props.testId ? { maxLength: 500, 'data-testid': props.testId } : { maxLength: 500 } }}
    />
  );
}

export const reasonRequired = (reason: string) => (reason.trim() ? null : 'A reason is required (it goes to the audit log)');
