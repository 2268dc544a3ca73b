/**
 * The closed lists of values behind some of the contract's enums, with no dependency: the CLI
 * offers them as option choices in commands that never load the schemas (issue 21: `--help`
 * starts without zod). entities.ts and supervisorEntities.ts build their enums from these and
 * re-export them.
 */
import { workOrderKinds } from '../domain/workOrder';

/** Where a stop stands on today's route: not yet visited, read, read with a warning, or skipped. */
export const stopStatuses = ['unread', 'read', 'warning', 'skipped'] as const;
export const roles = ['technician', 'installer', 'supervisor'] as const;
/** What work a reading was taken for: a route read, or a work order of this kind (an exchange's final and initial readings). */
export const workTypes = ['read', ...workOrderKinds] as const;
export const exportFormats = ['csv', 'xml', 'pdf'] as const;
