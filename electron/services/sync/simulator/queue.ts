/**
 * What the simulated enterprise has queued for the device: complete IEC 61968-100 messages of any
 * noun (MeterConfig, GetMeterReadings, work orders, customer data …), enterprise-initiated, in the
 * order queued. They come from the `--serve` folder at start (one `.xml` file each, by name) and
 * from `enqueue` / `POST /outbound` while it runs. The device lists them (GET /outbound), fetches
 * each (GET /outbound/<id>) and acknowledges it once applied or refused (DELETE /outbound/<id>);
 * an unacknowledged message is offered again on the next pull (at-least-once; the device's inbox
 * deduplicates by MessageID).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ID = /^[\w.-]{1,200}$/;

export function createEnterpriseQueue(serveDir?: string) {
  const pending = new Map<string, string>();
  const acknowledged: string[] = [];
  if (serveDir && existsSync(serveDir)) {
    for (const file of readdirSync(serveDir)
      .filter((f) => f.endsWith('.xml'))
      .sort())
      pending.set(file.slice(0, -4), readFileSync(join(serveDir, file), 'utf8'));
  }
  return {
    /** Queues one message for the device; returns its queue id. */
    enqueue(xml: string, id: string = randomUUID()): string {
      if (!ID.test(id)) throw new Error(`queue id "${id}": letters, digits, . _ - only`);
      pending.set(id, xml);
      return id;
    },
    list: (): string[] => [...pending.keys()],
    get: (id: string): string | undefined => pending.get(id),
    /** False when the id is not (or no longer) queued. */
    acknowledge(id: string): boolean {
      if (!pending.delete(id)) return false;
      acknowledged.push(id);
      return true;
    },
    acknowledged: (): readonly string[] => acknowledged,
    isId: (id: string) => ID.test(id),
  };
}
export type EnterpriseQueue = ReturnType<typeof createEnterpriseQueue>;
