/**
 * The requests a reading plan gives the mode E session, and what comes back. A plan is a
 * generator: it yields a request, receives its response, and decides the next one (the object
 * list first, then what the meter has). Results carry the host time when the answer arrived, so
 * the clock's drift is measured against the moment the meter's time was read.
 */
import type { DlmsValue } from './dataTypes';
import type { AccessSelection, CosemReference } from './xdlms';

/** data-access-result / action-result (Green Book Table 84); 0 success. */
export type DataAccessResult = number;

export type CosemRequest =
  | { readonly kind: 'get'; readonly reference: CosemReference; readonly access?: AccessSelection | null }
  | { readonly kind: 'set'; readonly reference: CosemReference; readonly value: DlmsValue }
  | { readonly kind: 'action'; readonly reference: CosemReference; readonly parameters: DlmsValue | null };

export type CosemResponse = {
  readonly request: CosemRequest;
  /** Host time (ms) when the answer was complete. */
  readonly at: number;
} & ({ readonly ok: true; readonly value: DlmsValue | null } | { readonly ok: false; readonly accessResult: DataAccessResult });

export type ReadPlan = Generator<CosemRequest, void, CosemResponse>;
