import { createApiClient } from '../shared/client';

const KEY_STORAGE = 'creditmeter.credits.devKey';

/** Development only: an API key typed into the page, kept for this tab. A portal session needs none. */
export const devKey = {
  get: (): string | null => sessionStorage.getItem(KEY_STORAGE),
  set: (key: string) => sessionStorage.setItem(KEY_STORAGE, key.trim()),
  clear: () => sessionStorage.removeItem(KEY_STORAGE),
};

export const api = createApiClient({ key: devKey.get });

/** Downloads a file the signed-in account may read (cookie or key), e.g. a statement. */
export async function download(url: string, filename: string): Promise<void> {
  const key = devKey.get();
  const response = await fetch(url, { credentials: 'same-origin', headers: key ? { authorization: `Bearer ${key}` } : {} });
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
