/** The integration profile (issue 19): its schema, the SOAPAction of each operation, the service's endpoint, Header fields. */
import { describe, expect, it } from 'vitest';
import {
  defaultIntegrationProfile,
  endpointOf,
  integrationProfileSchema,
  serviceName,
  serviceUrlProblem,
  soapActionOf,
  withProfileHeader,
} from '../../../shared/cim/integrationProfile';

describe('integration profile', () => {
  it('defaults to the SOAPAction of the published 61968-100 WSDLs and one endpoint for all', () => {
    expect(soapActionOf(defaultIntegrationProfile, 'created', 'MeterReadings')).toBe(
      'http://iec.ch/TC57/2011/MeterReadings/CreatedMeterReadings',
    );
    expect(soapActionOf(defaultIntegrationProfile, 'create', 'MeterConfig')).toBe('http://iec.ch/TC57/2011/MeterConfig/CreateMeterConfig');
    expect(endpointOf(defaultIntegrationProfile, 'created', 'MeterReadings')).toBeUndefined();
    expect(defaultIntegrationProfile.header).toEqual({});
  });

  it('fills a template with {Noun}, {Verb}, {verb} and {Service}; refuses other placeholders', () => {
    const profile = integrationProfileSchema.parse({ soapAction: 'urn:{Service}:{verb}:{Verb}{Noun}' });
    expect(soapActionOf(profile, 'created', 'EndDeviceEvents')).toBe('urn:SendEndDeviceEvents:created:CreatedEndDeviceEvents');
    expect(integrationProfileSchema.safeParse({ soapAction: 'http://x/{noun}' }).success).toBe(false);
  });

  it('names the service of each pattern and finds its endpoint by service, then noun', () => {
    expect([
      serviceName('created', 'MeterReadings'),
      serviceName('create', 'MeterConfig'),
      serviceName('get', 'MeterReadings'),
      serviceName('reply', 'MeterReadings'),
    ]).toEqual(['SendMeterReadings', 'ExecuteMeterConfig', 'GetMeterReadings', 'ReplyMeterReadings']);
    const profile = integrationProfileSchema.parse({
      endpoints: { SendMeterReadings: 'https://mdm.example.com/mr', EndDeviceEvents: 'https://he.example.com/ede' },
    });
    expect(endpointOf(profile, 'created', 'MeterReadings')).toBe('https://mdm.example.com/mr');
    expect(endpointOf(profile, 'created', 'EndDeviceEvents')).toBe('https://he.example.com/ede');
    expect(endpointOf(profile, 'created', 'EndDeviceControls')).toBeUndefined();
  });

  it('checks every URL as the endpoint is checked: https, or this computer, and no credentials inside', () => {
    expect(serviceUrlProblem('https://mdm.example.com/cim')).toBeNull();
    expect(serviceUrlProblem('http://127.0.0.1:8080/')).toBeNull();
    expect(serviceUrlProblem('http://localhost/x')).toBeNull();
    expect(serviceUrlProblem('http://[::1]:9/x')).toBeNull();
    expect(serviceUrlProblem('http://mdm.example.com/cim')).toMatch(/neither https nor on this computer/);
    expect(serviceUrlProblem('ftp://mdm.example.com/')).toMatch(/neither https/);
    expect(serviceUrlProblem('https://user:pw@mdm.example.com/')).toMatch(/user or password/);
    expect(serviceUrlProblem('not a url')).toMatch(/not a URL/);
    expect(integrationProfileSchema.safeParse({ endpoints: { MeterReadings: 'http://mdm.example.com/' } }).success).toBe(false);
    expect(integrationProfileSchema.safeParse({ header: { replyAddress: 'http://mdm.example.com/' } }).success).toBe(false);
    expect(integrationProfileSchema.safeParse({ unknownField: 1 }).success).toBe(false);
  });

  it("adds the profile's Header fields after the message's own Property entries", () => {
    const header = withProfileHeader(
      { verb: 'created', noun: 'MeterReadings', messageID: 'M1', properties: [{ name: 'CustomerAgreement', value: 'CA1' }] },
      {
        context: 'PRODUCTION',
        ackRequired: true,
        asyncReplyFlag: false,
        user: { userID: 'fm' },
        properties: [{ name: 'Crew', value: 'North' }],
      },
    );
    expect(header).toMatchObject({
      context: 'PRODUCTION',
      ackRequired: true,
      asyncReplyFlag: false,
      user: { userID: 'fm' },
      messageID: 'M1',
    });
    expect(header.properties).toEqual([
      { name: 'CustomerAgreement', value: 'CA1' },
      { name: 'Crew', value: 'North' },
    ]);
  });
});
