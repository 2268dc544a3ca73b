/**
 * The app's top-level sections, one line each: the header shows them as tabs and App shows
 * the selected one. A feature adds its screen here (route work, work orders, sync, review…).
 * Route work is in the first bundle (it is what opens); every other section is its own chunk,
 * loaded the first time it is shown, so the first page is interactive sooner (issue 21).
 */
import { lazy, type ComponentType } from 'react';
import type { Catalog } from '../i18n/en';
import { Workspace } from './Workspace';

const SyncPanel = lazy(() => import('../features/sync/SyncPanel').then((m) => ({ default: m.SyncPanel })));
const WorkOrdersPanel = lazy(() => import('../features/workOrders/WorkOrdersPanel').then((m) => ({ default: m.WorkOrdersPanel })));
const ReviewPanel = lazy(() => import('../features/review/ReviewPanel').then((m) => ({ default: m.ReviewPanel })));

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
