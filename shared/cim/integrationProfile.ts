/**
 * The integration profile (issue 19, DESIGN.md §9): what differs between utilities' enterprise
 * systems in the IEC 61968-100 web-service conventions is data, not code. A profile is a JSON
 * file; every field is optional and the default follows the published 61968-100 WSDLs.
 *
 * SOAPAction: the WSDLs published with the 2011 schemas name each operation
 * `http://iec.ch/TC57/2011/<Noun>/<Operation>`, e.g. `soapAction="http://iec.ch/TC57/2011/MeterReadings/CreatedMeterReadings"`
 * in SendMeterReadings.wsdl and `…/MeterConfig/CreateMeterConfig` in ExecuteMeterConfig.wsdl
 * (Connexo, chandangeek/Connexo_Code @ 2667857: coko/com.elster.jupiter.cim.webservices.inbound.soap/
 * src/main/resources/{meterreading/SendMeterReadings,meterconfig/ExecuteMeterConfig}.wsdl; the EPRI
 * test harness sixthcolumn/openwms 61968-9/…/wsdl/SendMeterReadings.wsdl uses the same form).
 * Those WSDLs also give each pattern its own service — Send<Noun> for events (created, changed …),
 * Execute<Noun> for requests (create, change …), Get<Noun>, Reply<Noun> — each with its own address,
 * so a profile may name an endpoint per service (or per noun); whatever it does not name goes to
 * the one endpoint of the sync settings.
 */
import { endpointProblem } from '../domain/syncEndpoint';
import { z } from 'zod';
import type { Header, MessageProperty, UserType } from './message/types';
import { EVENT_VERBS, type SchemaSet } from './message/verbs';
import { assetStatuses, DEFAULT_METER_STATUS_WORDS } from './meterStatusWords';
import { codeTableSetting, resolveCodeTable } from './codes/codeTableSetting';

/** Placeholders of the SOAPAction template. {Verb} is capitalised ("Created"), {verb} as in the Header. */
const PLACEHOLDERS = ['{Noun}', '{Verb}', '{verb}', '{Service}'] as const;
export const DEFAULT_SOAP_ACTION = 'http://iec.ch/TC57/2011/{Noun}/{Verb}{Noun}';
/**
 * The 2017 WSDLs name each operation in the same form under 2017: ExecuteEndDeviceControls.wsdl of
 * r0ckflite/cim4 (@ e5326175, src/main/resources/wsdl/) has
 * `soapAction="http://iec.ch/TC57/2017/EndDeviceControls/CreateEndDeviceControls"` on the binding of
 * service ExecuteEndDeviceControls, port EndDeviceControls_Port. The default of `namespaces: "iec2017"`.
 */
export const DEFAULT_SOAP_ACTION_2017 = 'http://iec.ch/TC57/2017/{Noun}/{Verb}{Noun}';

/**
 * Why a URL may not receive messages, or null when it may: the rule of the sync endpoint
 * (shared/domain/syncEndpoint.ts: https, or http on this computer only; no user or password in
 * the URL), said with the URL's origin so a profile with several services names the one at fault.
 */
export function serviceUrlProblem(value: string): string | null {
  const problem = endpointProblem(value);
  if (problem === null) return null;
  if (problem === 'notUrl') return `"${value}" is not a URL`;
  const url = new URL(value);
  return problem === 'userInfo'
    ? `${url.origin} carries a user or password in the URL`
    : `${url.protocol}//${url.host} is neither https nor on this computer`;
}

/** The part of a refused URL its words name (zodIssue.ts `value`): the origin, or the text when it is no URL. */
function serviceUrlShown(value: string, problem: 'notUrl' | 'notHttps' | 'userInfo'): string {
  if (problem === 'notUrl') return value;
  const url = new URL(value);
  return problem === 'userInfo' ? url.origin : `${url.protocol}//${url.host}`;
}

const serviceUrl = z.string().superRefine((value, ctx) => {
  const problem = endpointProblem(value);
  if (problem)
    ctx.addIssue({
      code: 'custom',
      message: serviceUrlProblem(value) ?? problem,
      params: { rule: problem, value: serviceUrlShown(value, problem) },
    });
});

/** Optional 61968-100 Header fields (HeaderType, NOTES.md §3) sent with every message when given. */
const headerFields = z
  .object({
    revision: z.string().min(1).max(32).optional(),
    context: z.string().min(1).max(64).optional(),
    asyncReplyFlag: z.boolean().optional(),
    replyAddress: serviceUrl.optional(),
    ackRequired: z.boolean().optional(),
    user: z
      .object({ userID: z.string().min(1).max(128), organization: z.string().min(1).max(128).optional() })
      .strict()
      .optional(),
    properties: z
      .array(z.object({ name: z.string().min(1).max(128), value: z.string().max(1000).optional() }).strict())
      .max(32)
      .optional(),
  })
  .strict();
export type ProfileHeaderFields = z.infer<typeof headerFields>;

export const integrationProfileSchema = z
  .object({
    /** Shown in the run's log and the settings: which utility or system this profile is for. */
    name: z.string().min(1).max(120).default('IEC 61968-100 (published WSDLs)'),
    /** When absent: the published WSDLs' form for the namespace set (DEFAULT_SOAP_ACTION, or DEFAULT_SOAP_ACTION_2017 for iec2017). */
    soapAction: z
      .string()
      .min(1)
      .max(300)
      .refine((t) => (t.match(/\{[^}]*\}/g) ?? []).every((p) => (PLACEHOLDERS as readonly string[]).includes(p)), {
        message: `only the placeholders ${PLACEHOLDERS.join(' ')}`,
        params: { rule: 'soapActionPlaceholders', value: PLACEHOLDERS.join(' ') },
      })
      .optional(),
    /**
     * The namespaces the utility's systems speak: `iec2013` (61968-100:2013, `http://iec.ch/TC57/2011/…`)
     * or `epriDraft` (the EPRI draft envelope and wrappers, `http://www.iec.ch/TC57/2011/…`, as the
     * EPRI/openwms test harness and systems built on it use), or `iec2017` (the typed wrappers in
     * `http://iec.ch/TC57/2017/<Noun>Message`, Header fields and payloads as in iec2013; every noun
     * goes out in its typed wrapper, as a document/literal 2017 service dispatches on the root element).
     * Payload namespaces are the same in all three.
     */
    namespaces: z.enum(['iec2013', 'epriDraft', 'iec2017']).default('iec2013'),
    /** SOAP 1.1 or 1.2; when absent the sync settings' choice holds. */
    soapVersion: z.enum(['1.1', '1.2']).optional(),
    /** Service ("SendMeterReadings", "ExecuteMeterConfig" …) or noun ("MeterReadings") → URL. Empty: one endpoint for all. */
    endpoints: z.record(z.string().regex(/^[A-Za-z]{2,80}$/, 'a service or noun name, letters only'), serviceUrl).default({}),
    header: headerFields.default({}),
    /**
     * MeterConfig `Meter/Status/value` word → the app's asset state (meterStatusWords.ts). When
     * given it replaces the default map whole, so a utility can also refuse a word.
     */
    meterStatus: z
      .record(z.string().trim().min(1).max(64), z.enum(assetStatuses))
      .refine((words) => Object.keys(words).length > 0, { message: 'at least one status word', params: { rule: 'meterStatusEmpty' } })
      .default({ ...DEFAULT_METER_STATUS_WORDS }),
    /** The codes sent for events, controls and reading qualities: a shipped table by name, or one of the utility's own (codes/codeTableSetting.ts). */
    codeTable: codeTableSetting.default('iec61968_9'),
    /**
     * How the answer to an enterprise GetMeterReadings goes out: `created` (an event, to the ReplyAddress
     * or the SendMeterReadings endpoint, as today) or `reply` (a ResponseMessage with verb reply and the
     * MeterReadings payload, to the ReplyMeterReadings service), for peers that expect the reply form.
     */
    readingAnswers: z.enum(['created', 'reply']).default('created'),
    /**
     * `ask`: each sync run asks the enterprise for the validated history of the meters on this device
     * (one GetMeterReadings naming their usage points, GetMeterReadings service); a peer that answers
     * in the HTTP response (ResponseMessage with the MeterReadings Payload) is taken at its word there,
     * otherwise the answer comes later as a message of its own. `none` (default): never asked.
     */
    meterHistory: z.enum(['none', 'ask']).default('none'),
  })
  .strict()
  .transform((profile) => ({
    ...profile,
    soapAction: profile.soapAction ?? (profile.namespaces === 'iec2017' ? DEFAULT_SOAP_ACTION_2017 : DEFAULT_SOAP_ACTION),
  }));
export type IntegrationProfile = z.infer<typeof integrationProfileSchema>;
export type IntegrationProfileInput = z.input<typeof integrationProfileSchema>;

export const defaultIntegrationProfile: IntegrationProfile = integrationProfileSchema.parse({});

export { resolveCodeTable };

/** The message builder's schema set for a profile: undefined keeps each noun's own default (the draft for MeterServiceRequests). */
export function profileSchemaSet(profile: Pick<IntegrationProfile, 'namespaces'>): SchemaSet | undefined {
  if (profile.namespaces === 'epriDraft') return 'openwmsDraft';
  return profile.namespaces === 'iec2017' ? 'iec2017' : undefined;
}

const capitalise = (verb: string) => verb.charAt(0).toUpperCase() + verb.slice(1);

/** The 61968-100 service pattern a message belongs to: Send (events), Get, Reply, Execute (other requests). */
export function serviceName(verb: string, noun: string): string {
  if ((EVENT_VERBS as readonly string[]).includes(verb)) return `Send${noun}`;
  if (verb === 'get') return `Get${noun}`;
  if (verb === 'reply') return `Reply${noun}`;
  return `Execute${noun}`;
}

/** SOAPAction (1.1 header) / action (1.2 media-type parameter) of one message under a profile. */
export function soapActionOf(profile: Pick<IntegrationProfile, 'soapAction'>, verb: string, noun: string): string {
  return profile.soapAction
    .replaceAll('{Noun}', noun)
    .replaceAll('{Verb}', capitalise(verb))
    .replaceAll('{verb}', verb)
    .replaceAll('{Service}', serviceName(verb, noun));
}

/** The profile's URL for a message's service, else for its noun, else undefined (the sync settings' endpoint). */
export function endpointOf(profile: Pick<IntegrationProfile, 'endpoints'>, verb: string, noun: string): string | undefined {
  return profile.endpoints[serviceName(verb, noun)] ?? profile.endpoints[noun];
}

/** A message's Header with the profile's optional fields added; the message's own Property entries come first. */
export function withProfileHeader(header: Header, fields: ProfileHeaderFields | undefined): Header {
  if (!fields) return header;
  const user: UserType | undefined = fields.user ?? header.user;
  const properties: MessageProperty[] = [...(header.properties ?? []), ...(fields.properties ?? [])];
  return {
    ...header,
    revision: fields.revision ?? header.revision,
    context: fields.context ?? header.context,
    asyncReplyFlag: fields.asyncReplyFlag ?? header.asyncReplyFlag,
    replyAddress: fields.replyAddress ?? header.replyAddress,
    ackRequired: fields.ackRequired ?? header.ackRequired,
    user,
    properties: properties.length === 0 ? undefined : properties,
  };
}
