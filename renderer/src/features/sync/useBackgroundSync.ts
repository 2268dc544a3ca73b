/**
 * Background sync (issue 7, "background sync when the network returns"): when the browser says
 * the network is back, and every few minutes while it is up, start a run unless one is running
 * or nothing waits. The Node side refuses a second run anyway; this only avoids asking.
 */
import { useEffect, useState } from 'react';
import { useSyncStore } from './syncStore';

export const BACKGROUND_SYNC_MINUTES = 5;

function maybeSync(): void {
  const { status, run } = useSyncStore.getState();
  if (!status || status.running || !status.configured || status.pending - status.held === 0) return;
  void run('background');
}

export function useBackgroundSync(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => {
      setOnline(true);
      maybeSync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = window.setInterval(() => {
      if (navigator.onLine) maybeSync();
    }, BACKGROUND_SYNC_MINUTES * 60_000);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(timer);
    };
  }, []);
  return online;
}
