/** The Sync section (issue 7): Sync now with progress, the rejected items, what the office sent, the endpoint. */
import { useEffect } from 'react';
import { useProfile } from '../../app/appStore';
import { EndpointForm } from './EndpointForm';
import { IntegrationProfileForm } from './IntegrationProfileForm';
import { ReceivedList } from './ReceivedList';
import { RejectedList } from './RejectedList';
import { SyncControls } from './SyncControls';
import { useSyncStore, wireSyncStore } from './syncStore';
import '../../styles/sync.css';

export function SyncPanel() {
  const supervisor = useProfile()?.role === 'supervisor';
  useEffect(() => {
    wireSyncStore();
    void useSyncStore.getState().load();
  }, []);
  return (
    <main className="sync-panel" data-testid="sync-panel">
      <div className="sync-column">
        <SyncControls />
        <RejectedList />
        <ReceivedList />
      </div>
      {/* The endpoint, credentials and schema folder are a supervisor's (the Node side refuses anyone else). */}
      {supervisor && (
        <div className="sync-column">
          <EndpointForm />
          <IntegrationProfileForm />
        </div>
      )}
    </main>
  );
}
