/**
 * A port the installer typed stays chosen when the Node side's port list arrives after it. On a
 * loaded tablet the list came late and put the training meter back in the field (found by the
 * typed-port E2E under `npm run test:stress`).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { choosePort, mergePorts } from '../../../renderer/src/features/optical/portChoice';

type PortsAnswer = {
  ok: true;
  value: { ports: { path: string; label: string | null; training: boolean }[]; lastPort: string | null; reason: string | null };
};
const pending: ((answer: PortsAnswer) => void)[] = [];

vi.mock('../../../renderer/src/api/client', () => ({
  api: { 'optical.ports': () => new Promise<PortsAnswer>((resolve) => pending.push(resolve)) },
  subscribe: () => () => {},
  transport: {},
}));

const { useOpticalStore } = await import('../../../renderer/src/features/optical/opticalStore');
const training = { path: 'training://meter', label: 'Training meter', training: true };
const answer = (lastPort: string | null = null): PortsAnswer => ({ ok: true, value: { ports: [training], lastPort, reason: null } });

describe('the optical port choice', () => {
  beforeEach(() => {
    pending.length = 0;
    useOpticalStore.setState({ ports: [], typed: [], port: '' });
  });

  it('keeps a typed port when the port list arrives after it', async () => {
    const loading = useOpticalStore.getState().loadPorts('UP-1');
    useOpticalStore.getState().usePort(' /dev/pts/7 ');
    pending[0]!(answer());
    await loading;
    const { port, ports } = useOpticalStore.getState();
    expect(port).toBe('/dev/pts/7');
    expect(ports.map((p) => p.path)).toEqual(['training://meter', '/dev/pts/7']);
  });

  it('keeps typed ports on the next meter, and applies only the newest of two lists', async () => {
    useOpticalStore.getState().usePort('/dev/pts/7');
    const first = useOpticalStore.getState().loadPorts('UP-1');
    const second = useOpticalStore.getState().loadPorts('UP-2');
    pending[1]!(answer('/dev/pts/7'));
    await second;
    useOpticalStore.getState().setPort('training://meter');
    pending[0]!({ ok: true, value: { ports: [], lastPort: null, reason: 'none' } });
    await first;
    expect(useOpticalStore.getState().port).toBe('training://meter');
    expect(useOpticalStore.getState().portsReason).toBeNull();
  });

  it('chooses the current port, else the remembered one, else the first listed', () => {
    const ports = mergePorts([training, { path: '/dev/ttyUSB0', label: 'Probe', training: false }], ['/dev/pts/7', '/dev/ttyUSB0']);
    expect(ports.map((p) => p.path)).toEqual(['training://meter', '/dev/ttyUSB0', '/dev/pts/7']);
    expect(choosePort(ports, '/dev/pts/7', '/dev/ttyUSB0')).toBe('/dev/pts/7');
    expect(choosePort(ports, '/dev/gone', '/dev/ttyUSB0')).toBe('/dev/ttyUSB0');
    expect(choosePort(ports, '/dev/gone', '/dev/gone')).toBe('training://meter');
    expect(choosePort([], '', null)).toBe('');
  });
});
