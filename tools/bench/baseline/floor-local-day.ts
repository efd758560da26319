/** The floor without the credential chain, with the launch's local day: see ./floor.ts. */
import { floorHandler } from './floor';

export const handler = floorHandler({ localDay: true });
