/**
 * Classes shared by the 61968-9 payload XSDs (CIMTool profiles, NOTES.md §1): Name, the
 * mRID + Names reference, DateTimeInterval, Status. All payload elements use the prefix `m:`,
 * bound on the payload's root element to `http://iec.ch/TC57/2011/<Noun>#`.
 */
import { el, opt, type XChild, type XElement } from '../xml/xmlWriter';
import { child, many, reqStr, str, type XmlValue } from '../xml/read';

export const P = 'm:';
export const m = (name: string, content?: readonly XChild[] | string, attrs?: XElement['attrs']): XElement => el(P + name, content, attrs);
export const mo = (name: string, value: string | number | boolean | undefined): XElement | undefined => opt(P + name, value);
/** `<m:ReadingType ref="…"/>`-style reference by code (ReadingType, ReadingQualityType, EndDeviceEventType …). */
export const mref = (name: string, ref: string): XElement => el(P + name, [], { ref });

/** Name (NameType and its authority reduced to their names). */
export interface Name {
  name: string;
  nameType?: string;
  nameTypeAuthority?: string;
}

/** An IdentifiedObject as referenced from a payload: mRID and/or Names. */
export interface ObjectRef {
  mRID?: string;
  names?: Name[];
}

export interface DateTimeInterval {
  start?: string;
  end?: string;
}

export interface Status {
  dateTime?: string;
  reason?: string;
  remark?: string;
  value?: string;
}

export function writeNames(names: readonly Name[] | undefined): XElement[] {
  return (names ?? []).map((n) =>
    m('Names', [
      m('name', n.name),
      n.nameType !== undefined &&
        m('NameType', [
          m('name', n.nameType),
          n.nameTypeAuthority !== undefined && m('NameTypeAuthority', [m('name', n.nameTypeAuthority)]),
        ]),
    ]),
  );
}

export function readNames(node: XmlValue | undefined): Name[] | undefined {
  return many(node, 'Names', (n) => {
    const type = child(n, 'NameType');
    return {
      name: reqStr(n, 'name', 'Names'),
      nameType: type === undefined ? undefined : reqStr(type, 'name', 'NameType'),
      nameTypeAuthority: str(child(type, 'NameTypeAuthority'), 'name'),
    };
  });
}

export function writeRef(tag: string, ref: ObjectRef): XElement {
  return m(tag, [mo('mRID', ref.mRID), ...writeNames(ref.names)]);
}

export function readRef(node: XmlValue): ObjectRef {
  return { mRID: str(node, 'mRID'), names: readNames(node) };
}

export function optRef(node: XmlValue | undefined, name: string): ObjectRef | undefined {
  const value = child(node, name);
  return value === undefined ? undefined : readRef(value);
}

/** DateTimeInterval: the XSD sequence is end, then start. */
export function writeInterval(tag: string, i: DateTimeInterval | undefined): XElement | undefined {
  return i && m(tag, [mo('end', i.end), mo('start', i.start)]);
}

export function readInterval(node: XmlValue | undefined, name: string): DateTimeInterval | undefined {
  const value = child(node, name);
  return value === undefined ? undefined : { start: str(value, 'start'), end: str(value, 'end') };
}

export function writeStatus(s: Status | undefined): XElement | undefined {
  return s && m('status', [mo('dateTime', s.dateTime), mo('reason', s.reason), mo('remark', s.remark), mo('value', s.value)]);
}

export function readStatus(node: XmlValue | undefined): Status | undefined {
  const value = child(node, 'status');
  return value === undefined
    ? undefined
    : { dateTime: str(value, 'dateTime'), reason: str(value, 'reason'), remark: str(value, 'remark'), value: str(value, 'value') };
}

/** ConfigurationEvent (MeterConfig, EndDeviceConfig, UsagePointConfig, MasterDataLinkageConfig). */
export interface ConfigurationEvent {
  mRID?: string;
  createdDateTime?: string;
  effectiveDateTime?: string;
  modifiedBy?: string;
  reason?: string;
  remark?: string;
  severity?: string;
  type?: string;
  names?: Name[];
  status?: Status;
}

export function writeConfigurationEvent(tag: string, e: ConfigurationEvent | undefined): XElement | undefined {
  return (
    e &&
    m(tag, [
      mo('mRID', e.mRID),
      mo('createdDateTime', e.createdDateTime),
      mo('effectiveDateTime', e.effectiveDateTime),
      mo('modifiedBy', e.modifiedBy),
      mo('reason', e.reason),
      mo('remark', e.remark),
      mo('severity', e.severity),
      mo('type', e.type),
      ...writeNames(e.names),
      writeStatus(e.status),
    ])
  );
}

export function readConfigurationEvent(node: XmlValue | undefined, name: string): ConfigurationEvent | undefined {
  const e = child(node, name);
  if (e === undefined) return undefined;
  return {
    mRID: str(e, 'mRID'),
    createdDateTime: str(e, 'createdDateTime'),
    effectiveDateTime: str(e, 'effectiveDateTime'),
    modifiedBy: str(e, 'modifiedBy'),
    reason: str(e, 'reason'),
    remark: str(e, 'remark'),
    severity: str(e, 'severity'),
    type: str(e, 'type'),
    names: readNames(e),
    status: readStatus(e),
  };
}
