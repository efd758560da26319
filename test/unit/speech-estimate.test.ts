/** Words are counted alike whether the text is ASCII, as the skill's is, or holds other scripts. */
import { countWords } from '../../lambda/core/speech-estimate';

describe('countWords', () => {
  it.each([
    ['Welcome back. Which routine would you like?', 7],
    ["It's step 2 of 9, o’clock-ish", 6],
    ['café crème brûlée', 3],
    ['naïve 名前 テスト', 3],
    ['Übung-Zwei ２ words', 3],
    ['', 0],
    ['  \n\t ', 0],
  ])('counts the words of %j as the Unicode pattern does', (text, words) => {
    expect(countWords(text)).toBe(words);
    expect(countWords(text)).toBe(text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0);
  });
});
