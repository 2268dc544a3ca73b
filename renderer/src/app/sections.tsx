/**
 * The app's top-level sections, one line each: the header shows them as tabs and App shows
 * the selected one. A feature adds its screen here (route work, work orders, sync, review…).
 */
import type { ComponentType } from 'react';
import type { Catalog } from '../i18n/en';
import { ReviewPanel } from '../features/review/ReviewPanel';
import { SyncPanel } from '../features/sync/SyncPanel';
import { WorkOrdersPanel } from '../features/workOrders/WorkOrdersPanel';
import { Workspace } from './Workspace';

export interface Section {
  readonly id: string;
  /** The tab label's key under `nav` in the catalogs. */
  readonly labelKey: Exclude<keyof Catalog['nav'], 'label'>;
  readonly Component: ComponentType;
}

export const sections: readonly Section[] = [
  { id: 'routes', labelKey: 'routes', Component: Workspace },
  { id: 'sync', labelKey: 'sync', Component: SyncPanel },
  { id: 'workOrders', labelKey: 'workOrders', Component: WorkOrdersPanel },
  { id: 'review', labelKey: 'review', Component: ReviewPanel },
];
