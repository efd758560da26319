/**
 * Requests about the device's audio player: its reports on the skill's items (AudioPlayer events)
 * and its buttons (PlaybackController). Neither comes in a session, and the answer may hold audio
 * directives only. The buttons are the same core events as the spoken commands; the reports go to
 * the core's playback decisions, with the one write some of them make.
 */
import { getRequestType, getUserId, type RequestHandler } from 'ask-sdk-core';
import { audioDirectives } from '../audio/directives';
import { playerOf, reportedToken } from '../audio/player-context';
import { decidePlayback, type PlaybackReport } from '../core/coach';
import type { CoachEvent } from '../core/events';
import { errorFields } from '../log';
import { answeringOf } from './request-types';
import { audioFor, requestTime, runTurn, type TurnDeps } from './turn';

/** The player's buttons (or the Now Playing screen's), as the commands they stand for. */
const BUTTON_EVENTS: Readonly<Record<string, CoachEvent>> = {
  'PlaybackController.PlayCommandIssued': { type: 'resume' },
  'PlaybackController.PauseCommandIssued': { type: 'pause' },
  'PlaybackController.NextCommandIssued': { type: 'next' },
  'PlaybackController.PreviousCommandIssued': { type: 'previous' },
};

const REPORTS: Readonly<Record<string, PlaybackReport>> = {
  'AudioPlayer.PlaybackStarted': 'started',
  'AudioPlayer.PlaybackNearlyFinished': 'nearlyFinished',
  'AudioPlayer.PlaybackFinished': 'finished',
  'AudioPlayer.PlaybackStopped': 'stopped',
  'AudioPlayer.PlaybackFailed': 'failed',
};

export function playbackHandler(deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => answeringOf(input.requestEnvelope) === 'playback',
    handle: async (input) => {
      const type = getRequestType(input.requestEnvelope);
      const audio = audioFor(input, deps);
      const player = playerOf(input.requestEnvelope, audio);
      const button = BUTTON_EVENTS[type];
      // Buttons and reports about a player that holds nothing of the skill's change nothing.
      if (button !== undefined && player !== undefined) return runTurn(input, button, deps);
      const report = REPORTS[type];
      if (report === undefined || player === undefined) {
        deps.logger.info('playback_event_ignored', { requestType: type });
        return input.responseBuilder.getResponse();
      }
      if (report === 'failed') deps.logger.warn('playback_failed', failure(input.requestEnvelope.request));
      const content = deps.content(input.requestEnvelope.request.locale);
      const decision = decidePlayback({
        report,
        player,
        now: requestTime(input),
        catalogue: content.catalogue,
        wording: content.wording,
      });
      const userId = getUserId(input.requestEnvelope);
      if (decision.update !== undefined && userId) {
        try {
          await deps.store.save(userId, decision.update);
        } catch (error) {
          // The token keeps the place on the device: "Alexa, resume" still goes on from it.
          deps.logger.warn('playback_save_failed', { report, ...errorFields(error) });
        }
      }
      const playing = reportedToken(input.requestEnvelope);
      for (const directive of audioDirectives(decision.audio, audio, playing)) {
        input.responseBuilder.addDirective(directive);
      }
      return input.responseBuilder.getResponse();
    },
  };
}
/** The error type a failed playback reports (a fixed vocabulary), never its free-text message. */
function failure(request: unknown): { errorType: string } {
  const error = (request as { error?: { type?: unknown } }).error;
  const type = typeof error?.type === 'string' ? error.type : 'unknown';
  return { errorType: type.slice(0, 60) };
}
