/**
 * Environment variables the skill function reads for audio mode, shared by the function and the
 * CDK stack that sets them so the two cannot drift.
 */

/**
 * The HTTPS origin the rendered audio is served from (the CloudFront distribution), without a
 * trailing slash: `https://d1234abcd.cloudfront.net`. A path from the render manifest is appended
 * after a `/`. Unset where no audio is hosted (tests, the simulator).
 */
export const AUDIO_BASE_URL = 'AUDIO_BASE_URL';
