/** IEC 62056-21 (formerly IEC 61107) optical-port protocol and DSMR P1: pure, transport-agnostic. */
export * from './frames';
export * from './identification';
export * from './dataSets';
export * from './obisCode';
export * from './obisMap';
export * from './sessionEvents';
export * from './session';
export * from './readout';
export * from './programming';
export * from './meterModels';
export * from './meterModelFile';
export * from './dlmsDemandReset';
export * from './shippedModels';
export * from './modelAssignment';
export * from './timeBasis';
export * from './transcript';
