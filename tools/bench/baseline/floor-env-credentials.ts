/** The floor without the credential chain: see ./floor.ts. */
import { floorHandler } from './floor';

export const handler = floorHandler({ localDay: false });
