/** Meters in stock on this device (issue 8 §3): the installer picks the new meter by its serial. */
import { AppError } from '../../../shared/contract/result';
import type { Store } from '../store';
import type { DeviceRow } from '../store/repositories/workOrders';

/** The meter with this serial, if it may be installed now; otherwise a message saying what to do. */
export function requireStockMeter(store: Store, serial: string): DeviceRow {
  const device = store.workOrders.deviceBySerial(serial.trim());
  if (!device || device.kind !== 'meter') {
    throw new AppError(
      'NOT_FOUND',
      `Meter ${serial} is not in the stock on this device. Check the serial on the label, or choose another meter from your van stock.`,
      { reason: 'meterNotInStock' },
    );
  }
  if (device.status === 'installed') {
    // The meter and where it is installed (usage point, address, route stop), so the installer can check the label there.
    const place = device.usagePointId ? store.workOrders.placeOf(device.usagePointId) : undefined;
    throw new AppError(
      'VALIDATION',
      `Meter ${device.serialNumber} is already installed at ${device.usagePointId ?? 'another usage point'}.`,
      {
        reason: 'meterInstalledElsewhere',
        serial: device.serialNumber,
        installedAt: device.usagePointId,
        ...(place ? { address: place.address } : {}),
        ...(place && place.route !== null && place.sequence !== null ? { route: place.route, stop: place.sequence } : {}),
      },
    );
  }
  if (device.status === 'removed')
    throw new AppError('VALIDATION', `Meter ${serial} was removed from service and cannot be installed again. Choose another meter.`, {
      reason: 'meterRemoved',
    });
  return device;
}

export function stockMeter(store: Store, serial: string) {
  const device = requireStockMeter(store, serial);
  return { serial: device.serialNumber, registers: store.workOrders.registersOf(device.id) };
}
