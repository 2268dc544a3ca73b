/**
 * `fieldmeter dlms read --objects`: what the meter offers, from its association's object list
 * (Association LN 0-0:40.0.0.255 attribute 2, Blue Book §4.4.3) and nothing else — each object's
 * OBIS code, interface class and version, the class in words where this app knows it, and the
 * group the Read panel shows it in. `--json` keeps `className` as the Blue Book's English
 * identifier for scripts; the text says the class in the CLI's language (dlmsText.ts).
 */
import { className, groupOf, objectListPlan } from '../../shared/dlms/objectList';
import { readDlmsMeter, type DlmsReadOptions } from '../services/serial/dlmsReader';
import { meterObjectsText } from './dlmsText';

export async function listMeterObjects(options: Omit<DlmsReadOptions, 'plan'>, json = false): Promise<string> {
  const { identification, data, baud } = await readDlmsMeter({ ...options, plan: objectListPlan });
  const objects = (data.offered ?? []).map((o) => ({ ...o, className: className(o.classId), group: groupOf(o) }));
  if (json)
    return JSON.stringify(
      { meter: { manufacturer: identification.manufacturer, ident: identification.ident }, baud, listed: data.offered !== null, objects },
      null,
      2,
    );
  return meterObjectsText({ manufacturer: identification.manufacturer, ident: identification.ident }, baud, data.offered);
}
