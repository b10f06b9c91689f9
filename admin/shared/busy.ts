import { useState } from 'react';
import { errorMessage } from './client';

/** One action at a time: `busy` while it runs; what it throws goes to `onError` as a message. */
export function useBusy(onError: (message: string) => void) {
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      onError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}

/** A form's save: `busy` while it runs, the error it threw as `error` (cleared on the next try). */
export function useSave(onFail?: () => void) {
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy((message) => {
    setError(message);
    onFail?.();
  });
  const save = (action: () => Promise<void>) => {
    setError(null);
    return run(action);
  };
  return { busy, error, save };
}
