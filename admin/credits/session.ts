import { createApiClient } from '../shared/client';

/** The Credits page runs on its portal session cookie (set by the portal link, or the development key sign-in). */
export const api = createApiClient();

/** Downloads a file the signed-in account may read (cookie or key), e.g. a statement. */
export async function download(url: string, filename: string): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(response.status === 400 ? 'There is no statement for that month yet' : `Download failed (${response.status})`);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
