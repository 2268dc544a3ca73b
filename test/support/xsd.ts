/**
 * Schema validation for tests with the real xmllint (Debian libxml2-utils) against the reference
 * XSDs in ../shared/cim (or $FIELDMETER_CIM_XSD_DIR). Those XSDs are not in the repo (licence,
 * shared/cim/SOURCES.md); where they or xmllint are missing, tests must skip with `xsdSkipReason`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const cimDir = resolve(process.env.FIELDMETER_CIM_XSD_DIR ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'cim'));
const connexo = join(cimDir, 'connexo-honeywell', 'outbound.soap');

const folders: Readonly<Record<string, string>> = {
  MeterReadings: 'meterreadings',
  GetMeterReadings: 'meterreadings',
  EndDeviceEvents: 'enddeviceevents',
  EndDeviceControls: 'enddevicecontrols',
  MeterConfig: 'meterconfig',
  EndDeviceConfig: 'enddeviceconfig',
  UsagePointConfig: 'usagepointconfig',
  MasterDataLinkageConfig: 'masterdatalinkageconfig',
};

/** Nouns found only in the older openwms/EPRI set (draft envelope namespace). */
const openwms = join(cimDir, 'openwms-epri-61968-9');
const draftOnly = new Set(['MeterServiceRequests']);
const folderOf = (noun: string) => (draftOnly.has(noun) ? openwms : join(connexo, folders[noun] ?? noun.toLowerCase()));

/** The typed wrapper `<Noun>Message.xsd` (CX set; openwms for MeterServiceRequests). */
export const typedXsd = (wrapperNoun: string): string => join(folderOf(wrapperNoun), `${wrapperNoun}Message.xsd`);
/** The payload schema `<Noun>.xsd`. */
export const payloadXsd = (noun: string): string => join(folderOf(noun), `${noun}.xsd`);
/** The generic 61968-100 envelope (the draft one for openwms-only nouns). */
export const messageXsd = join(connexo, 'meterreadings', 'Message.xsd');
export const messageXsdFor = (noun: string): string => (draftOnly.has(noun) ? join(openwms, 'Message.xsd') : messageXsd);

export const hasXmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
export const hasSchemas = existsSync(messageXsd);
/** Why schema tests cannot run here, or null when they can. */
export const xsdSkipReason: string | null = !hasXmllint
  ? 'xmllint not installed (apt-get install libxml2-utils)'
  : !hasSchemas
    ? `reference XSDs not found at ${cimDir} (clone shared/ beside the repo or set FIELDMETER_CIM_XSD_DIR)`
    : null;

/**
 * A throwaway schema importing several schemas, for when one document needs two at once: the
 * draft openwms Message.xsd checks its Payload with a *strict* wildcard, so the payload's schema
 * must be loaded too. Returns the path and a cleanup function.
 */
export function combinedXsd(imports: readonly { namespace: string; path: string }[]): { path: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-xsd-'));
  const path = join(dir, 'combined.xsd');
  const lines = imports.map((i) => `  <xs:import namespace="${i.namespace}" schemaLocation="${pathToFileURL(i.path).href}"/>`);
  writeFileSync(
    path,
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:fieldmeter:test:combined">\n${lines.join('\n')}\n</xs:schema>\n`,
  );
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface XsdResult {
  valid: boolean;
  /** xmllint's messages, each starting "line N:" where xmllint gave a line. */
  errors: string[];
}

/** Runs `xmllint --noout --nonet --schema X file` over a temp copy of `xml`. */
export function validateXml(xml: string, xsdPath: string): XsdResult {
  const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-xsd-'));
  const file = join(dir, 'message.xml');
  try {
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsdPath, file], { encoding: 'utf8' });
    const errors = run.stderr
      .split('\n')
      .filter((line) => line.trim() && !line.endsWith(' validates'))
      .map((line) => {
        const at = line.indexOf(`${file}:`);
        const match = /^(\d+): (.*)$/.exec(at === -1 ? '' : line.slice(at + file.length + 1));
        return match ? `line ${match[1]}: ${match[2]}` : line.replace(file, 'message.xml');
      });
    return { valid: run.status === 0, errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
