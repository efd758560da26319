/**
 * The simulator CLI in each locale, as `npm start -- --locale <locale>` runs it: the lines are
 * resolved by that locale's own interaction model, and the answers carry its emergency number and
 * its spelling. One run per locale, every line piped in at once.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { LOCALES } from '../../lambda/content/locales';
import { EXPECTED, foreignNumbers, numbersIn, wholeWord, writtenText } from '../support/locale-expectations';
import { runSimulator } from '../support/simulator-cli';

interface JsonTurn {
  readonly line: string;
  readonly request?: RequestEnvelope;
  readonly response?: ResponseEnvelope;
}

function ssmlOf(turn: JsonTurn | undefined): string {
  const speech = turn?.response?.response.outputSpeech;
  return speech?.type === 'SSML' ? speech.ssml : '';
}

function intentOf(turn: JsonTurn | undefined): string | undefined {
  const request = turn?.request?.request;
  return request?.type === 'IntentRequest' ? request.intent.name : undefined;
}

describe.each(LOCALES.map((locale) => [locale]))('npm start -- --locale %s', (locale) => {
  const expected = EXPECTED[locale];
  const labourLine = expected.labour === 'labor' ? "she's in labor" : "she's in labour";
  const script = [
    'open partner massage',
    'start foot massage',
    "she's bleeding heavily",
    'open partner massage',
    labourLine,
    'yes',
  ];

  it(`answers "she's bleeding heavily" with ${expected.emergency}, and labour spelt "${expected.labour}"`, () => {
    const result = runSimulator(['--locale', locale, '--memory', '--json'], `${script.join('\n')}\n`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const turns = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as JsonTurn);
    // At the end of its input the CLI ends the open session, as walking away would.
    expect(turns.map((turn) => turn.line)).toEqual([...script, '(session ended by the user)']);
    for (const turn of turns) expect(turn.request?.request.locale).toBe(locale);

    const [, start, bleeding, , labour, atTerm] = turns;
    expect(intentOf(start)).toBe('StartRoutineIntent');
    expect(writtenText(ssmlOf(start))).toContain('Foot massage.');

    expect(intentOf(bleeding)).toBe('WarningSignIntent');
    const bleedingSsml = ssmlOf(bleeding);
    expect(writtenText(bleedingSsml)).toContain(`call ${expected.emergency} now`);
    expect(bleedingSsml).toContain(`<sub alias="${expected.spokenEmergency}">${expected.emergency}</sub>`);
    expect(bleeding?.response?.response.shouldEndSession).toBe(true);

    expect(intentOf(labour)).toBe('LabourIntent');
    expect(writtenText(ssmlOf(labour))).toContain('37 weeks');
    const atTermText = writtenText(ssmlOf(atTerm));
    expect(atTermText).toMatch(wholeWord(`${expected.labour} is expected`));
    expect(atTermText).not.toMatch(wholeWord(expected.labour === 'labor' ? 'labour' : 'labor'));

    const everything = turns.map((turn) => writtenText(ssmlOf(turn))).join('\n');
    expect(numbersIn(everything, foreignNumbers(expected.numbers))).toEqual([]);
  });
});
