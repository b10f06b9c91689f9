import Alert from '@mui/material/Alert';

/** A card's error line, or nothing. */
export function ErrorText({ error }: { error: string | null }) {
  return error ? (
    <Alert severity="error" sx={{ mt: 1 }}>
      {error}
    </Alert>
  ) : null;
}
