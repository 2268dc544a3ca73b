/**
 * `fieldmeter dlms read --objects`: what the meter offers, from its association's object list
 * (Association LN 0-0:40.0.0.255 attribute 2, Blue Book §4.4.3) and nothing else — each object's
 * OBIS code, interface class and version, the class in words where this app knows it, and the
 * group the Read panel shows it in.
 */
import { className, groupOf, objectListPlan } from '../../shared/dlms/objectList';
import { readDlmsMeter, type DlmsReadOptions } from '../services/serial/dlmsReader';
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
  if (data.offered === null)
    return escapeControls(`Meter ${identification.manufacturer} ${identification.ident}: its object list could not be read.`);
  return escapeControls(
    [
      `Meter ${identification.manufacturer} ${identification.ident} offers ${objects.length} objects (mode E, HDLC at ${baud} baud):`,
      ...objects.map(
        (o) => `  ${o.obis.padEnd(18)} class ${String(o.classId).padStart(3)} v${o.version}  ${o.className ?? '(class not known here)'}`,
      ),
    ].join('\n'),
  );
}
