/**
 * The device's time zone, from the Alexa Settings API (System.timeZone). It needs no permission
 * from the user, only the request's access token and device id.
 */
import { services } from 'ask-sdk-model';
import { isTimeZone } from '../core/local-time';
import { AlexaApiError } from './api-client';

/** Reads System.timeZone for the device; a body that is not a zone name counts as unavailable. */
export async function readDeviceTimeZone(configuration: services.ApiConfiguration, deviceId: string): Promise<string> {
  const zone: unknown = await new services.ups.UpsServiceClient(configuration).getSystemTimeZone(deviceId);
  // Kept in the profile and used for arithmetic later, so only a name this runtime knows is taken.
  if (!isTimeZone(zone)) throw new AlexaApiError('unavailable', 'the settings answer is not a time zone');
  return zone;
}
