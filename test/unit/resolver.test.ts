import {
  createResolver,
  FALLBACK_INTENT,
  loadModel,
  parseInvocation,
  spokenDay,
  spokenDuration,
  spokenNumber,
  spokenTime,
} from '../../tools/simulator/resolver';

const resolver = createResolver(loadModel('en-US'));

describe('resolver on the en-US model', () => {
  it.each([
    ['start lower back relief', 'StartRoutineIntent'],
    ["let's do a foot massage", 'StartRoutineIntent'],
    ['begin the foot rub', 'StartRoutineIntent'],
    ['what routines are there', 'ListRoutinesIntent'],
    ['more pressure', 'MorePressureIntent'],
    ['press harder', 'MorePressureIntent'],
    ['less pressure', 'LessPressureIntent'],
    ["that's too hard", 'LessPressureIntent'],
    ['slow down', 'SlowerIntent'],
    ['speed up', 'FasterIntent'],
    ['speak more slowly', 'SpeakSlowerIntent'],
    ['talk a little slower', 'SpeakSlowerIntent'],
    ['speak normally', 'SpeakNormallyIntent'],
    ['how much longer', 'StatusIntent'],
    ['what step are we on', 'StatusIntent'],
    ['wait for me after each step', 'StepByStepIntent'],
    ['keep going on your own', 'ContinuousIntent'],
    ['keep going', 'AMAZON.ResumeIntent'],
    ['carry on', 'AMAZON.ResumeIntent'],
    ['go on', 'AMAZON.ResumeIntent'],
    ['pick up where we left off', 'AMAZON.ResumeIntent'],
    ['pause', 'AMAZON.PauseIntent'],
    ['resume', 'AMAZON.ResumeIntent'],
    ['continue', 'AMAZON.ResumeIntent'],
    ['next', 'AMAZON.NextIntent'],
    ['skip this one', 'AMAZON.NextIntent'],
    ['move on', 'AMAZON.NextIntent'],
    ['go back', 'AMAZON.PreviousIntent'],
    ['back one', 'AMAZON.PreviousIntent'],
    ['repeat that', 'AMAZON.RepeatIntent'],
    ['say that again', 'AMAZON.RepeatIntent'],
    ['start over', 'AMAZON.StartOverIntent'],
    ['from the top', 'AMAZON.StartOverIntent'],
    ['start again', 'AMAZON.StartOverIntent'],
    ['help', 'AMAZON.HelpIntent'],
    ['stop', 'AMAZON.StopIntent'],
    ['cancel', 'AMAZON.CancelIntent'],
    ['never mind', 'AMAZON.CancelIntent'],
    ['yes', 'AMAZON.YesIntent'],
    ['yeah', 'AMAZON.YesIntent'],
    ['no', 'AMAZON.NoIntent'],
    ['nope', 'AMAZON.NoIntent'],
    ['go home', 'AMAZON.NavigateHomeIntent'],
    ['it hurts', 'DiscomfortIntent'],
    ["that's too much", 'DiscomfortIntent'],
    ['ow', 'DiscomfortIntent'],
    ['she says stop', 'DiscomfortIntent'],
    ['that hurts', 'DiscomfortIntent'],
    ['ouch', 'DiscomfortIntent'],
    ["it's painful", 'DiscomfortIntent'],
    ['she feels dizzy', 'UnwellIntent'],
    ['she feels faint', 'UnwellIntent'],
    ['she feels sick', 'UnwellIntent'],
    ["she's light headed", 'UnwellIntent'],
    ['she feels unwell', 'UnwellIntent'],
    ["she's bleeding", 'WarningSignIntent'],
    ['she fainted', 'WarningSignIntent'],
    ['my wife is bleeding', 'WarningSignIntent'],
    ["there's blood", 'WarningSignIntent'],
    ['her calf is swollen', 'HelpWithIntent'],
    ['she has a bad headache', 'HelpWithIntent'],
    ["the baby isn't moving much", 'HelpWithIntent'],
    ['contractions', 'LabourIntent'],
    ["she's having contractions", 'LabourIntent'],
    ["she's in labour", 'LabourIntent'],
    ['Braxton Hicks', 'LabourIntent'],
    ['here comes one', 'LabourIntent'],
    ['ready', 'ReadyIntent'],
    ["she's comfortable", 'ReadyIntent'],
    ["we're in position", 'ReadyIntent'],
    ['she has a sharp pain', 'DiscomfortIntent'],
    ["that's a sharp pain", 'DiscomfortIntent'],
    ['a shooting pain', 'DiscomfortIntent'],
    ['is this safe', 'SafetyInfoIntent'],
    ['safety information', 'SafetyInfoIntent'],
    ['what should we avoid', 'SafetyInfoIntent'],
    ['forget me', 'ForgetMeIntent'],
    ['delete my data', 'ForgetMeIntent'],
    ['erase my information', 'ForgetMeIntent'],
  ])('"%s" → %s', (utterance, intent) => {
    expect(resolver.resolve(utterance).intent).toBe(intent);
  });

  it.each([
    ['start lower back relief', 'StartRoutineIntent', 'routine', 'lowerBack'],
    ["let's do a foot massage", 'StartRoutineIntent', 'routine', 'foot'],
    ['begin the foot rub', 'StartRoutineIntent', 'routine', 'foot'],
    ['foot massage', 'StartRoutineIntent', 'routine', 'foot'],
    ['Alexa, start the hips and legs.', 'StartRoutineIntent', 'routine', 'hipsLegs'],
    ['her feet are swollen', 'HelpWithIntent', 'concern', 'swollenFeet'],
    ['my back aches', 'HelpWithIntent', 'concern', 'backAche'],
    ['she has sciatica', 'HelpWithIntent', 'concern', 'sciatica'],
    ['tight shoulders', 'HelpWithIntent', 'concern', 'tightShoulders'],
    ["she can't sleep", 'WarningSignIntent', 'concern', 'cantSleep'],
    ['her hands are sore', 'HelpWithIntent', 'concern', 'soreHands'],
    ['she has carpal tunnel', 'HelpWithIntent', 'concern', 'carpalTunnel'],
    ['her fingers are numb', 'HelpWithIntent', 'concern', 'carpalTunnel'],
    ['what helps with heartburn', 'HelpWithIntent', 'concern', 'heartburn'],
    ['she has a cramp in her leg', 'HelpWithIntent', 'concern', 'legCramp'],
    ["we're in early labour", 'HelpWithIntent', 'concern', 'earlyLabour'],
    ["we're in labour", 'HelpWithIntent', 'concern', 'earlyLabour'],
    ['what helps with stress', 'HelpWithIntent', 'concern', 'stress'],
    ['sudden swelling', 'HelpWithIntent', 'concern', 'suddenSwelling'],
    ['her face and hands swelled up suddenly', 'HelpWithIntent', 'concern', 'suddenSwelling'],
    ['her face is swollen', 'HelpWithIntent', 'concern', 'suddenSwelling'],
    ['her calf is swollen', 'HelpWithIntent', 'concern', 'legClot'],
    ['one leg is red and hot', 'HelpWithIntent', 'concern', 'legClot'],
    ["she's bleeding", 'WarningSignIntent', 'concern', 'bleeding'],
    ['her waters broke', 'HelpWithIntent', 'concern', 'waters'],
    ['she has a headache', 'HelpWithIntent', 'concern', 'mildHeadache'],
    ['she has a bad headache', 'HelpWithIntent', 'concern', 'severeHeadache'],
    ["the baby isn't moving much", 'HelpWithIntent', 'concern', 'babyMovements'],
    ['her vision is blurry', 'HelpWithIntent', 'concern', 'visionChanges'],
    ["she's short of breath", 'WarningSignIntent', 'concern', 'cantBreathe'],
    ['she feels breathless', 'WarningSignIntent', 'concern', 'cantBreathe'],
  ])('"%s" → %s with %s = %s', (utterance, intent, slot, id) => {
    const resolution = resolver.resolve(utterance);
    expect(resolution.intent).toBe(intent);
    expect(resolution.slots[slot]?.id).toBe(id);
  });

  it('reports the canonical name and what was heard for a matched slot', () => {
    expect(resolver.resolve('begin the foot rub').slots.routine).toEqual({
      value: 'foot rub',
      id: 'foot',
      name: 'foot massage',
    });
  });

  it('fills a slot with what was heard when it matches no value (ER_SUCCESS_NO_MATCH)', () => {
    const resolution = resolver.resolve('start the banana routine');
    expect(resolution.intent).toBe('StartRoutineIntent');
    expect(resolution.slots.routine).toEqual({ value: 'banana routine' });
  });

  it('fills a concern with what was heard when it is neither an everyday concern nor a warning sign', () => {
    const resolution = resolver.resolve('what helps with hiccups');
    expect(resolution.intent).toBe('HelpWithIntent');
    expect(resolution.slots.concern).toEqual({ value: 'hiccups' });
  });

  it('prefers a sample of its own words to a carrier whose slot would take the rest', () => {
    // "she has {concern}" could hear "a sharp pain"; the DiscomfortIntent sample is matched first.
    expect(resolver.resolve('she has a sharp pain')).toEqual({
      intent: 'DiscomfortIntent',
      slots: {},
      sample: 'she has a sharp pain',
    });
  });

  it('ignores case, punctuation and missing apostrophes', () => {
    expect(resolver.resolve('LETS DO A FOOT MASSAGE!').slots.routine?.id).toBe('foot');
    expect(resolver.resolve('she cant sleep').slots.concern?.id).toBe('cantSleep');
    expect(resolver.resolve('Alexa, pause.').intent).toBe('AMAZON.PauseIntent');
  });

  it('lists every slot of the intent, unfilled ones as undefined', () => {
    const resolution = resolver.resolve('what routines are there');
    expect(resolution.slots).toEqual({});
    expect(Object.keys(resolver.resolve('start foot massage').slots)).toEqual(['routine']);
  });

  it.each(['the weather in paris', 'banana', 'xyzzy plugh', ''])('"%s" → AMAZON.FallbackIntent', (utterance) => {
    expect(resolver.resolve(utterance)).toEqual({ intent: FALLBACK_INTENT, slots: {} });
  });
});

describe('parseInvocation', () => {
  it.each(['open partner massage', 'launch partner massage', 'start partner massage', 'Alexa, open Partner Massage.'])(
    '"%s" launches the skill',
    (line) => {
      expect(parseInvocation(line)).toEqual({ kind: 'launch' });
    },
  );

  it.each([
    ['ask partner massage to resume', 'resume'],
    ['tell partner massage to start the foot massage', 'start the foot massage'],
    ['ask partner massage what routines are there', 'what routines are there'],
    ['Alexa, ask partner massage for help', 'help'],
    ['start lower back relief using partner massage', 'start lower back relief'],
  ])('"%s" is a one-shot with "%s"', (line, utterance) => {
    expect(parseInvocation(line)).toEqual({ kind: 'oneShot', utterance });
  });

  it.each(['resume', 'open the pod bay doors', 'ask someone else to resume', 'partner'])(
    '"%s" is not an invocation',
    (line) => {
      expect(parseInvocation(line)).toBeNull();
    },
  );

  it('uses the model’s invocation name', () => {
    expect(resolver.parseInvocation('open partner massage')).toEqual({ kind: 'launch' });
    expect(parseInvocation('open other skill', 'other skill')).toEqual({ kind: 'launch' });
  });
});

describe('built-in slot types', () => {
  const resolver = createResolver(loadModel('en-US'));

  it.each([
    ['go to step three', '3'],
    ['skip to step 5', '5'],
    ['back to step one', '1'],
    ['go to step twenty one', '21'],
  ])('"%s" fills AMAZON.NUMBER with %s, and no resolutions', (utterance, value) => {
    const got = resolver.resolve(utterance);
    expect(got.intent).toBe('GoToStepIntent');
    expect(got.slots.step).toEqual({ value, builtIn: true });
  });

  it.each([
    ['give me a minute', 'PT1M'],
    ['give me two minutes', 'PT2M'],
    ['give us thirty seconds', 'PT30S'],
    ['hold on half a minute', 'PT30S'],
    ['give me a couple of minutes', 'PT2M'],
    ['give me a few minutes', 'PT3M'],
    ['give me ten minutes', 'PT10M'],
  ])('"%s" fills AMAZON.DURATION with %s', (utterance, value) => {
    const got = resolver.resolve(utterance);
    expect(got.intent).toBe('WaitIntent');
    expect(got.slots.duration).toEqual({ value, builtIn: true });
  });

  it('"hold on" and "not yet" are waits without a length; "pause" is still a pause', () => {
    expect(resolver.resolve('hold on')).toMatchObject({ intent: 'WaitIntent', slots: { duration: undefined } });
    expect(resolver.resolve('not yet').intent).toBe('WaitIntent');
    expect(resolver.resolve('pause').intent).toBe('AMAZON.PauseIntent');
  });

  it('reads spoken numbers and durations, and nothing else', () => {
    expect(spokenNumber('seven')).toBe(7);
    expect(spokenNumber('forty two')).toBe(42);
    expect(spokenNumber('12')).toBe(12);
    expect(spokenNumber('two five')).toBeUndefined();
    expect(spokenNumber('lots')).toBeUndefined();
    expect(spokenNumber('one two three')).toBeUndefined();
    expect(spokenDuration('an hour')).toBe('PT1H');
    expect(spokenDuration('a moment')).toBeUndefined();
    expect(spokenDuration('zero seconds')).toBeUndefined();
    expect(spokenDuration('half a second')).toBeUndefined();
  });
});

describe('AMAZON.TIME and AMAZON.DayOfWeek, as Alexa fills them', () => {
  const resolver = createResolver(loadModel('en-US'));

  it.each([
    ['eight', '08:00'],
    ['eight oclock', '08:00'],
    ['eight pm', '20:00'],
    ['eight p m', '20:00'],
    ['8pm', '20:00'],
    ['eight in the evening', '20:00'],
    ['eleven at night', '23:00'],
    ['twelve at night', '00:00'],
    ['seven thirty', '07:30'],
    ['half past seven', '07:30'],
    ['quarter to eight', '07:45'],
    ['nine oh five', '09:05'],
    ['twelve am', '00:00'],
    ['twelve pm', '12:00'],
    ['noon', '12:00'],
    ['midday', '12:00'],
    ['midnight', '00:00'],
    ['morning', 'MO'],
    ['afternoon', 'AF'],
    ['evening', 'EV'],
    ['night', 'NI'],
  ])('"%s" is %s', (words, value) => {
    expect(spokenTime(words)).toBe(value);
  });

  it('leaves out what is not a time', () => {
    for (const words of ['a', 'lots', 'thirteen pm', 'seven five', 'half to eight', 'twenty five hundred']) {
      expect(spokenTime(words)).toBeUndefined();
    }
  });

  it('sends the day as heard, plural or not, and nothing for other words', () => {
    expect(spokenDay('monday')).toBe('monday');
    expect(spokenDay('thursdays')).toBe('thursdays');
    expect(spokenDay('someday')).toBeUndefined();
  });

  it('fills the time and days of a reminder request, without entity resolution', () => {
    expect(resolver.resolve('remind me on Mondays and Thursdays at seven in the evening')).toMatchObject({
      intent: 'RemindMeIntent',
      slots: {
        dayOne: { value: 'mondays', builtIn: true },
        dayTwo: { value: 'thursdays', builtIn: true },
        time: { value: '19:00', builtIn: true },
      },
    });
    expect(resolver.resolve('remind me at half past seven').slots.time).toEqual({ value: '07:30', builtIn: true });
    expect(resolver.resolve('stop reminding me').intent).toBe('StopRemindersIntent');
  });
});
