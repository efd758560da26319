/**
 * Speech estimates and SSML rendering: word counts, joining segments, prosody, reprompts, and the
 * platform limits renderPlan enforces, at and just past each limit.
 */
import { MAX_RESPONSE_SECONDS, MAX_SSML_CHARACTERS } from '../../lambda/core/limits';
import type { Segment } from '../../lambda/core/pacing';
import { countWords, estimateSpeechSeconds, WORDS_PER_SECOND } from '../../lambda/core/speech-estimate';
import { renderPlan, renderSegments, renderSilence, SpeechLimitError } from '../../lambda/speech/ssml';

type Plan = Parameters<typeof renderPlan>[0];

const say = (text: string, seconds = 1): Segment => ({ kind: 'speech', role: 'answer', text, seconds });

describe('counting spoken words', () => {
  it.each([
    ['', 0],
    ['  ... — !', 0],
    ['well-being', 1],
    ["she's well-rested", 2],
    ['step 10 of 12', 4],
  ])('%p has %p words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('estimates nothing to say as no time', () => {
    expect(estimateSpeechSeconds('', 0.85)).toBe(0);
  });

  it('estimates at the default rate when none is given', () => {
    expect(estimateSpeechSeconds('one two three')).toBeCloseTo(3 / WORDS_PER_SECOND);
  });
});

describe('rendering segments', () => {
  it('separates segments with a space', () => {
    expect(renderSegments([say('Hello.'), { kind: 'silence', seconds: 2 }, say('Bye.')], 'normal')).toBe(
      '<speak>Hello. <break time="2s"/> Bye.</speak>',
    );
  });

  it('renders no silence as nothing', () => {
    expect(renderSilence(0)).toBe('');
  });

  it('renders exactly ten seconds as one break', () => {
    expect(renderSilence(10)).toBe('<break time="10s"/>');
  });
});

describe('rendering a plan', () => {
  const plan = (segments: readonly Segment[], reprompt?: string): Plan =>
    reprompt === undefined
      ? { segments, listen: false, endSession: true }
      : { segments, listen: true, reprompt, endSession: false };

  it('renders the reprompt as a document of its own, at the same rate', () => {
    expect(renderPlan(plan([say('Ready?')], 'Shall I go on?'), 'normal')).toEqual({
      ssml: '<speak>Ready?</speak>',
      repromptSsml: '<speak>Shall I go on?</speak>',
      seconds: 1,
    });
    expect(renderPlan(plan([say('Ready?')], 'Shall I go on?'), 'slower').repromptSsml).toBe(
      '<speak><prosody rate="85%">Shall I go on?</prosody></speak>',
    );
  });

  it('has no reprompt when the plan has none', () => {
    expect(renderPlan(plan([say('Bye.')]), 'normal')).toStrictEqual({ ssml: '<speak>Bye.</speak>', seconds: 1 });
  });

  it('reports the plan length in seconds', () => {
    expect(renderPlan(plan([say('a', 2), { kind: 'silence', seconds: 3.5 }]), 'normal').seconds).toBe(5.5);
  });

  const markup = '<speak></speak>'.length;

  it(`accepts SSML one character under ${MAX_SSML_CHARACTERS}`, () => {
    const text = 'a'.repeat(MAX_SSML_CHARACTERS - markup - 1);
    expect(renderPlan(plan([say(text)]), 'normal').ssml).toHaveLength(MAX_SSML_CHARACTERS - 1);
  });

  it(`refuses SSML of exactly ${MAX_SSML_CHARACTERS} characters, saying how long it is`, () => {
    const text = 'a'.repeat(MAX_SSML_CHARACTERS - markup);
    expect(() => renderPlan(plan([say(text)]), 'normal')).toThrow(
      new SpeechLimitError(`response has ${MAX_SSML_CHARACTERS} SSML characters (limit ${MAX_SSML_CHARACTERS})`),
    );
  });

  it(`accepts a plan of exactly ${MAX_RESPONSE_SECONDS} s`, () => {
    expect(renderPlan(plan([{ kind: 'silence', seconds: MAX_RESPONSE_SECONDS }]), 'normal').seconds).toBe(
      MAX_RESPONSE_SECONDS,
    );
  });

  it(`refuses a plan longer than ${MAX_RESPONSE_SECONDS} s with a SpeechLimitError saying how long`, () => {
    let thrown: unknown;
    try {
      renderPlan(plan([{ kind: 'silence', seconds: MAX_RESPONSE_SECONDS + 0.6 }]), 'normal');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SpeechLimitError);
    expect(thrown).toMatchObject({ name: 'SpeechLimitError', message: 'response lasts 241 s (limit 240 s)' });
  });
});
