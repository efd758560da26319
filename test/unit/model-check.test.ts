import { contentFor, ROUTINES } from '../../lambda/content';
import { LOCALES } from '../../lambda/content/locales';
import { CONCERN_SLOT_IDS } from '../../lambda/core/concerns';
import { SKILL_INTENTS } from '../../lambda/handlers/intents';
import { type CheckName, type CheckOptions, checkModel, summarise } from '../../tools/model-check/check';
import { type InteractionModel, loadModel, type ModelIntent } from '../../tools/simulator/interaction-model';
import { createResolver } from '../../tools/simulator/resolver';

const real = loadModel('en-US');
const options: CheckOptions = { routines: ROUTINES, concernIds: CONCERN_SLOT_IDS };

/** A deep copy of the real model, changed by `edit`. */
function broken(edit: (model: InteractionModel['interactionModel']['languageModel']) => void): InteractionModel {
  const copy = structuredClone(real);
  edit(copy.interactionModel.languageModel);
  return copy;
}

function intent(model: InteractionModel['interactionModel']['languageModel'], name: string): ModelIntent {
  const found = model.intents.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

function checksFailed(model: InteractionModel, opts: CheckOptions = options): CheckName[] {
  return [...new Set(checkModel(model, opts).map((problem) => problem.check))].sort();
}

describe('checkModel', () => {
  it.each(LOCALES)('passes the real %s model, checked against its own catalogue', (locale) => {
    const routines = contentFor(locale).catalogue.routines;
    expect(checkModel(loadModel(locale), { routines, concernIds: CONCERN_SLOT_IDS })).toEqual([]);
  });

  it("catches a locale's model checked against another locale's catalogue (labour against labor)", () => {
    const problems = checkModel(loadModel('en-GB'), options);
    expect(problems).toContainEqual({
      check: 'routine-values',
      message:
        'labourCounterPressure: model says "labour counter pressure practice", catalogue says "labor counter pressure practice"',
    });
  });

  it('summarises the model', () => {
    const summary = summarise(real);
    expect(summary.intents).toBe(SKILL_INTENTS.length);
    // The two the content owns (routines, concerns) and the two for reminders (part of the day, how often).
    expect(summary.slotTypes).toBe(4);
    expect(summary.samples).toBeGreaterThan(300);
  });

  it('catches a sample under two intents, whatever its case and punctuation', () => {
    const model = broken((lm) => intent(lm, 'LessPressureIntent').samples?.push('More pressure.'));
    const problems = checkModel(model, options).filter((problem) => problem.check === 'duplicate-sample');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('MorePressureIntent and LessPressureIntent');
  });

  it('catches samples that differ only in their slot names', () => {
    const model = broken((lm) => {
      const helpWith = intent(lm, 'HelpWithIntent');
      helpWith.samples?.push('start {concern}');
    });
    expect(checksFailed(model)).toContain('duplicate-sample');
  });

  it('catches a missing built-in intent', () => {
    const model = broken((lm) => {
      lm.intents = lm.intents.filter((candidate) => candidate.name !== 'AMAZON.NavigateHomeIntent');
    });
    const problems = checkModel(model, options);
    expect(problems).toContainEqual({ check: 'built-ins', message: 'AMAZON.NavigateHomeIntent is missing' });
    expect(problems.map((problem) => problem.check)).toContain('skill-intents');
  });

  it('catches an intent the skill does not handle, and one it handles that the model lacks', () => {
    const model = broken((lm) => {
      intent(lm, 'ForgetMeIntent').name = 'ForgetUsIntent';
    });
    const messages = checkModel(model, options).map((problem) => problem.message);
    expect(messages).toContain('ForgetMeIntent is handled by the skill but missing from the model');
    expect(messages).toContain('ForgetUsIntent is in the model but not in lambda/handlers/intents.ts');
  });

  it.each([
    ['a digit', 'press harder 2'],
    ['an exclamation mark', 'press a lot harder!'],
    ['a comma', 'harder, now'],
    ['a double space', 'press  much harder'],
  ])('catches a sample with %s', (_, sample) => {
    const model = broken((lm) => intent(lm, 'MorePressureIntent').samples?.push(sample));
    expect(checksFailed(model)).toEqual(['sample-characters']);
  });

  it('catches a bad intent name', () => {
    const model = broken((lm) => {
      intent(lm, 'ForgetMeIntent').name = 'Forget-Me-Intent';
    });
    expect(checksFailed(model, { ...options, skillIntents: lm(model).intents.map((i) => i.name) })).toEqual(['names']);
  });

  it('catches a synonym under two values of one slot type', () => {
    const model = broken((lm) => {
      const concern = lm.types?.find((type) => type.name === 'CONCERN');
      concern?.values[0]?.name.synonyms?.push('sore back');
    });
    const problems = checkModel(model, options).filter((problem) => problem.check === 'slot-values');
    expect(problems.map((problem) => problem.message)).toEqual([
      'CONCERN: "sore back" belongs to both swollenFeet and backAche',
    ]);
  });

  it('catches a duplicated slot value id', () => {
    const model = broken((lm) => {
      const concern = lm.types?.find((type) => type.name === 'CONCERN');
      concern?.values.push({ id: 'stress', name: { value: 'worries', synonyms: [] } });
    });
    expect(checkModel(model, options)).toEqual([{ check: 'slot-values', message: 'CONCERN: id stress is used twice' }]);
  });

  it('catches too few samples', () => {
    const model = broken((lm) => {
      const forget = intent(lm, 'ForgetMeIntent');
      // Five samples that already end in "please", so the "please" check has nothing to add.
      forget.samples = forget.samples?.filter((sample) => sample.endsWith(' please')).slice(0, 5) ?? [];
    });
    expect(checkModel(model, options)).toEqual([
      { check: 'sample-count', message: 'ForgetMeIntent has 5 samples; at least 10 are needed' },
    ]);
  });

  it('catches samples that all start the same way', () => {
    const model = broken((lm) => {
      const forget = intent(lm, 'ForgetMeIntent');
      forget.samples = (forget.samples ?? []).map((sample) => `please ${sample}`);
    });
    expect(checksFailed(model)).toEqual(['sample-variety']);
  });

  it('catches an undeclared slot and a slot of an unknown type', () => {
    const undeclared = broken((lm) => intent(lm, 'StartRoutineIntent').samples?.push('put on {routin}'));
    expect(checksFailed(undeclared)).toEqual(['slot-references']);
    const unknownType = broken((lm) => {
      const slot = intent(lm, 'StartRoutineIntent').slots?.[0];
      if (slot) slot.type = 'ROUTINE';
    });
    expect(checkModel(unknownType, options).map((problem) => problem.message)).toContain(
      'StartRoutineIntent: slot routine has type ROUTINE, which is not declared',
    );
  });

  it('catches routine values that differ from the catalogue', () => {
    const model = broken((lm) => {
      const routine = lm.types?.find((type) => type.name === 'ROUTINE_NAME');
      const foot = routine?.values.find((value) => value.id === 'foot');
      if (foot) foot.name.synonyms = foot.name.synonyms?.filter((synonym) => synonym !== 'foot rub') ?? [];
    });
    expect(checkModel(model, options)).toContainEqual({
      check: 'routine-values',
      message: 'foot: catalogue synonym "foot rub" is missing',
    });
  });

  it('catches concern ids that differ from CONCERN_SLOT_IDS', () => {
    expect(checkModel(real, { ...options, concernIds: [...CONCERN_SLOT_IDS, 'hiccups'] })).toEqual([
      { check: 'concern-values', message: 'CONCERN lacks concern hiccups' },
    ]);
    const withoutSign = CONCERN_SLOT_IDS.filter((id) => id !== 'fainted');
    expect(checkModel(real, { ...options, concernIds: withoutSign })).toEqual([
      { check: 'concern-values', message: 'CONCERN has fainted, which is not in CONCERN_SLOT_IDS' },
    ]);
  });

  it('catches a synonym that turns another intent’s sample into a clash', () => {
    // "{concern}" + "sharp pain" is the DiscomfortIntent sample "sharp pain".
    const model = broken((lm) => {
      const concern = lm.types?.find((type) => type.name === 'CONCERN');
      concern?.values.find((value) => value.id === 'sciatica')?.name.synonyms?.push('sharp pain');
    });
    const problems = checkModel(model, options);
    expect(problems.map((problem) => problem.check)).toEqual(['round-trip']);
    expect(problems[0]?.message).toContain('"sharp pain" (HelpWithIntent "{concern}") resolves to DiscomfortIntent');
  });

  it('catches a labour word among the concerns that a warning-sign carrier turns into a labour sample', () => {
    // "she's {concern}" + "in labor" is the en-US LabourIntent sample "she's in labor".
    const model = broken((lm) => {
      const concern = lm.types?.find((type) => type.name === 'CONCERN');
      concern?.values.find((value) => value.id === 'earlyLabour')?.name.synonyms?.push('in labor');
    });
    const messages = checkModel(model, options).map((problem) => problem.message);
    expect(messages).toContain(
      `"she's in labor" (WarningSignIntent "she's {concern}") resolves to LabourIntent via "she's in labor"`,
    );
  });

  it('catches a phrase two bare-slot samples could both claim', () => {
    const model = broken((lm) => {
      const routine = lm.types?.find((type) => type.name === 'ROUTINE_NAME');
      routine?.values.find((value) => value.id === 'lowerBack')?.name.synonyms?.push('back pain');
    });
    const checks = checksFailed(model, { concernIds: CONCERN_SLOT_IDS });
    expect(checks).toEqual(['bare-slot-overlap', 'round-trip']);
  });

  it('catches a custom sample that hides a usual built-in phrase', () => {
    const model = broken((lm) => intent(lm, 'StepByStepIntent').samples?.push('pause that', 'pause that please'));
    expect(checkModel(model, options)).toEqual([
      {
        check: 'round-trip',
        message: 'built-in phrase "pause that" (AMAZON.PauseIntent) resolves to StepByStepIntent via "pause that"',
      },
    ]);
  });

  it('catches a command that is also a routine name', () => {
    const model = broken((lm) => {
      const routines = lm.types?.find((type) => type.name === 'ROUTINE_NAME');
      routines?.values.find((value) => value.id === 'lowerBack')?.name.synonyms?.push('back');
    });
    expect(checkModel(model, { concernIds: CONCERN_SLOT_IDS })).toContainEqual({
      check: 'command-as-routine',
      message: 'routine lowerBack answers to "back", which is also AMAZON.PreviousIntent',
    });
  });

  it('catches a command that is heard as a routine name when "please" follows it', () => {
    const model = broken((lm) => {
      const slower = intent(lm, 'SlowerIntent');
      slower.samples = (slower.samples ?? []).filter((sample) => sample !== 'slower please');
    });
    expect(checkModel(model, options)).toEqual([
      {
        check: 'please',
        message:
          '"slower please" resolves to StartRoutineIntent, not SlowerIntent (heard as a routine called "slower")',
      },
    ]);
  });

  it('catches a hands-free start that "please" turns into a plain start of a routine', () => {
    const model = broken((lm) => {
      const start = intent(lm, 'StartHandsFreeIntent');
      start.samples = (start.samples ?? []).filter((sample) => !sample.endsWith(' please'));
    });
    const problems = checkModel(model, options);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.check === 'please')).toBe(true);
    expect(problems).toContainEqual({
      check: 'please',
      message:
        '"play the foot massage as audio please" resolves to StartRoutineIntent, not StartHandsFreeIntent ' +
        '(heard as a routine called "foot massage as audio please")',
    });
  });

  it('holds every command said with "please" to its own intent in the real model', () => {
    const resolver = createResolver(real);
    for (const [utterance, expected] of [
      ['next please', 'AMAZON.NextIntent'],
      ['slower please', 'SlowerIntent'],
      ['more pressure please', 'MorePressureIntent'],
      ['pause please', 'AMAZON.PauseIntent'],
      ['repeat that please', 'AMAZON.RepeatIntent'],
      ['hands free please', 'HandsFreeOnIntent'],
      ['turn off hands free mode please', 'HandsFreeOffIntent'],
      ['start foot massage hands free please', 'StartHandsFreeIntent'],
    ] as const) {
      expect(resolver.resolve(utterance).intent).toBe(expected);
    }
  });
});

describe('hands-free phrasings in the real model', () => {
  const resolver = createResolver(real);

  it.each([
    ['start foot massage hands free', 'foot'],
    ['play hand massage hands free', 'hand'],
    ['do the lower back relief hands free', 'lowerBack'],
    ['shoulders and neck hands free', 'shouldersNeck'],
    ['start ten minutes tonight in audio mode', 'tenMinutesTonight'],
    ['play hips and legs as audio', 'hipsLegs'],
  ])('"%s" starts %s hands free', (utterance, routineId) => {
    const got = resolver.resolve(utterance);
    expect(got.intent).toBe('StartHandsFreeIntent');
    expect(got.slots.routine?.id).toBe(routineId);
  });

  it.each([
    ['hands free', 'HandsFreeOnIntent'],
    ['turn on audio mode', 'HandsFreeOnIntent'],
    ['play the audio', 'HandsFreeOnIntent'],
    ['hands free off', 'HandsFreeOffIntent'],
    ['talk me through it instead', 'HandsFreeOffIntent'],
    ['start foot massage', 'StartRoutineIntent'],
    ['play the foot massage', 'StartRoutineIntent'],
  ])('"%s" is %s', (utterance, expected) => {
    expect(resolver.resolve(utterance).intent).toBe(expected);
  });

  it('declares the playback built-ins AudioPlayer requires, without samples', () => {
    for (const name of [
      'AMAZON.LoopOnIntent',
      'AMAZON.LoopOffIntent',
      'AMAZON.ShuffleOnIntent',
      'AMAZON.ShuffleOffIntent',
    ]) {
      expect(intent(real.interactionModel.languageModel, name).samples ?? []).toEqual([]);
    }
  });
});

function lm(model: InteractionModel) {
  return model.interactionModel.languageModel;
}
