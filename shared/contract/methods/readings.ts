/** A visit: readings, skips, photos. */
import { z } from 'zod';
import { END_DEVICE_EVENT_NAMES } from '../../cim/codes/endDeviceCodes';
import { meterAlarmKinds } from '../../mbus/alarms';
import { confirmation, decimalText, photoInfo, photoMimeTypes, position, reading, skipCode } from '../entities';
import { base64, note, nothing, photoId, usagePointId, type MethodSpecs } from './common';

/** 10 MB of image as base64 (4 characters per 3 bytes), plus a little slack. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_THUMBNAIL_BYTES = 256 * 1024;

export const readingMethods = {
  'readings.save': {
    right: 'record',
    input: z
      .object({
        usagePointId,
        /** One visit: every register read now shares one timestamp (coincident readings). */
        values: z
          .array(
            z
              .object({
                registerId: z.number().int().positive(),
                value: decimalText,
                /** Needed when the value is out of range (see the NEEDS_CONFIRMATION error). */
                confirmation: confirmation.optional(),
                /** The meter's own capture time of an optical value (DSMR 0-n:24.2.1): the reading's timestamp. */
                capturedAt: z.iso.datetime({ offset: true }).optional(),
              })
              .strict(),
          )
          .min(1)
          .max(64),
        /** Typed by the technician, or taken from an optical read of the meter (IEC 62056-21). */
        source: z.enum(['manual', 'optical']).default('manual'),
        /** The serial the technician read off (or scanned from) the meter, when checked. */
        observedSerial: z.string().trim().min(1).max(64).optional(),
        note,
        photoIds: z.array(photoId).max(10).default([]),
        position: position.optional(),
      })
      .strict(),
    output: z.object({ readingSetId: z.string(), readAt: z.string(), readings: z.array(reading) }),
  },
  'visits.skip': {
    right: 'record',
    input: z
      .object({
        usagePointId,
        code: z.string().min(1).max(40),
        note,
        photoIds: z.array(photoId).max(10).default([]),
        position: position.optional(),
      })
      .strict(),
    output: z.object({ skipId: z.string(), skippedAt: z.string() }),
  },
  'skipCodes.list': { right: 'view', input: nothing, output: z.array(skipCode) },
  'photos.add': {
    right: 'record',
    input: z
      .object({
        usagePointId,
        fileName: z.string().min(1).max(260),
        mimeType: z.enum(photoMimeTypes),
        dataBase64: base64(MAX_PHOTO_BYTES),
        /** A small JPEG the renderer drew (at most 256 px); without it the list shows the photo itself. */
        thumbnailBase64: base64(MAX_THUMBNAIL_BYTES).optional(),
      })
      .strict(),
    output: photoInfo,
  },
  'photos.list': { right: 'view', input: z.object({ usagePointId }).strict(), output: z.array(photoInfo) },
  'photos.get': {
    right: 'view',
    input: z.object({ photoId, size: z.enum(['thumbnail', 'full']).default('thumbnail') }).strict(),
    output: z.object({ mimeType: z.enum(photoMimeTypes), dataBase64: z.string() }),
  },
  'readings.list': {
    right: 'view',
    input: z
      .object({
        usagePointId: usagePointId.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.array(reading),
  },
  /**
   * The events of the meter at a usage point, newest first: those read at the meter and those the
   * enterprise reported (inbound EndDeviceEvents). `name` is the event the code stands for in the
   * integration profile's code table (or a shipped one), null when none names it.
   */
  'meterEvents.list': {
    right: 'view',
    input: z.object({ usagePointId, limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(
      z.object({
        id: z.number().int(),
        eventType: z.string(),
        name: z.enum(END_DEVICE_EVENT_NAMES).nullable(),
        /** The M-Bus alarm it was raised for, to say an event without a published code in words. */
        alarm: z.enum(meterAlarmKinds).nullable(),
        createdAt: z.string(),
        reason: z.string(),
        fromEnterprise: z.boolean(),
      }),
    ),
  },
  /**
   * The meter's validated history as the enterprise sent it (inbound MeterReadings, migration 26),
   * newest first: register (its ReadingType and the route's label), value, the MDM's
   * ReadingQuality codes and the message it came in. Never sent back.
   */
  'enterpriseReadings.list': {
    right: 'view',
    input: z.object({ usagePointId, limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(
      z.object({
        id: z.number().int(),
        readingType: z.string(),
        label: z.string(),
        readAt: z.string(),
        value: z.string(),
        qualities: z.array(z.string()),
        messageId: z.string(),
      }),
    ),
  },
} as const satisfies MethodSpecs;
