/**
 * One eSpeak NG instance (WebAssembly) in a worker thread: the local engine sends it lines and it
 * answers with 16-bit mono PCM. Plain JavaScript so that Node runs it as it is, under tsx or jest.
 */
import { parentPort } from 'node:worker_threads';
import createESpeak from '@echogarden/espeak-ng-emscripten';

const espeak = await createESpeak();
const voice = new espeak.eSpeakNGWorker();

parentPort.on('message', ({ id, text, voiceName, wordsPerMinute }) => {
  try {
    if (voice.set_voice(voiceName) !== 0) throw new Error(`eSpeak NG has no voice ${voiceName}`);
    voice.set_rate(wordsPerMinute);
    const chunks = [];
    // The samples are a view on the module's memory: copied before the next call reuses it.
    voice.synthesize(text, (samples) => {
      if (samples) chunks.push(samples.slice());
    });
    const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const samples = new Int16Array(length);
    let at = 0;
    for (const chunk of chunks) {
      samples.set(chunk, at);
      at += chunk.length;
    }
    parentPort.postMessage({ id, sampleRate: voice.get_samplerate(), samples }, [samples.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
