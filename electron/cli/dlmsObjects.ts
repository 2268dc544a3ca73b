/**
 * `fieldmeter dlms read --objects`: what the meter offers, from its association's object list
 * (Association LN 0-0:40.0.0.255 attribute 2, Blue Book §4.4.3) and nothing else — each object's
 * OBIS code, interface class and version, the class in words where this app knows it, and the
 * group the Read panel shows it in.
 */
import { className, groupOf, objectListPlan } from '../../shared/dlms/objectList';
import { readDlmsMeter, type DlmsReadOptions } from '../services/serial/dlmsReader';
import { cliWords, fill } from './language';
import { escapeControls } from './terminalText';

export async function listMeterObjects(options: Omit<DlmsReadOptions, 'plan'>, json = false): Promise<string> {
  const { identification, data, baud } = await readDlmsMeter({ ...options, plan: objectListPlan });
  const objects = (data.offered ?? []).map((o) => ({ ...o, className: className(o.classId), group: groupOf(o) }));
  if (json)
    return JSON.stringify(
      { meter: { manufacturer: identification.manufacturer, ident: identification.ident }, baud, listed: data.offered !== null, objects },
      null,
      2,
    );
  const said = cliWords().dlms;
  const meter = { manufacturer: identification.manufacturer, ident: identification.ident };
  if (data.offered === null) return escapeControls(fill(said.objectsUnreadable, meter));
  return escapeControls(
    [
      fill(said.objects, { ...meter, count: objects.length, baud }),
      ...objects.map(
        (o) =>
          `  ${o.obis.padEnd(18)} ${said.objectClass} ${String(o.classId).padStart(3)} v${o.version}  ${o.className ?? said.classUnknown}`,
      ),
    ].join('\n'),
  );
}
