/** Items on the device's audio player, as tests describe them: foot massage step 2, the default variant. */
import type { PlayItem } from '../../lambda/core/player';

/** An item of the skill's; `issuedAt` says when it was issued, the rest defaults to a first play. */
export function playItem(partial: Partial<PlayItem> & Pick<PlayItem, 'issuedAt'>): PlayItem {
  return {
    routineId: 'foot',
    stepIndex: 1,
    variant: { pressure: 'gentle', speechRate: 'normal', pace: 'normal' },
    flow: 'continuous',
    attempt: 1,
    ...partial,
  };
}
