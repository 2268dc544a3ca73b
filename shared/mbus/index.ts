/** Wireless (EN 13757-4, OMS) and wired (EN 13757-2/-3) M-Bus: pure, sans-I/O. */
export * from './reasons';
export * from './bytes';
export * from './identity';
export * from './wirelessFrame';
export * from './wiredFrame';
export * from './layers';
export * from './security';
export * from './dataField';
export * from './vif';
export * from './records';
export * from './compactFrame';
export * from './telegram';
export * from './routeIndex';
export * from './encode';
export * from './receivers';
export * from './receiverStream';
export * from './receiverSimulator';
