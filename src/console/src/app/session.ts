import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'hookwire.apiKey';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The API key of this tab's session (sessionStorage: gone when the tab closes), or null. */
export function useApiKey(): string | null {
  return useSyncExternalStore(subscribe, () => window.sessionStorage.getItem(STORAGE_KEY));
}

/** Keeps `key` for the tab's session (null signs out). */
export function setApiKey(key: string | null): void {
  if (key === null) window.sessionStorage.removeItem(STORAGE_KEY);
  else window.sessionStorage.setItem(STORAGE_KEY, key);
  for (const listener of listeners) listener();
}
