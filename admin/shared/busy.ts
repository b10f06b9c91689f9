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
