/**
 * Reads rendered MP3 files with two MP3 libraries from npm, in a worker thread (both are ES modules,
 * which jest's CommonJS runtime cannot load): codec-parser for every frame header, mpg123 (WebAssembly)
 * to decode the sound. Answers, per file: the headers seen and, when asked to decode, the decoded
 * length and the loudness (RMS, 0..1) of the windows asked for.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import CodecParser from 'codec-parser';
import { MPEGDecoder } from 'mpg123-decoder';

async function probe({ path, windows, decode }) {
  const bytes = new Uint8Array(readFileSync(path));
  const frames = new CodecParser('audio/mpeg', { enableLogging: false }).parseAll(bytes);
  const headers = new Map();
  let frameBytes = 0;
  let samples = 0;
  for (const frame of frames) {
    const h = frame.header;
    const key = JSON.stringify([h.mpegVersion, h.layer, h.sampleRate, h.bitrate, h.channels, h.channelMode]);
    headers.set(key, (headers.get(key) ?? 0) + 1);
    frameBytes += frame.data.length;
    samples += frame.samples;
  }
  if (!decode)
    return {
      bytes: bytes.length,
      frameBytes,
      frames: frames.length,
      parsedSamples: samples,
      headers: summary(headers),
    };
  // A decoder per file, fed frame by frame: decode() takes a bounded amount of input at a time.
  const decoder = new MPEGDecoder();
  await decoder.ready;
  const decoded = decoder.decodeFrames(frames.map((frame) => frame.data));
  decoder.free();
  const channel = decoded.channelData[0] ?? new Float32Array(0);
  const loudness = windows.map(([fromMs, toMs]) => {
    const from = Math.max(0, Math.floor((fromMs / 1000) * decoded.sampleRate));
    const to = Math.min(decoded.samplesDecoded, Math.floor((toMs / 1000) * decoded.sampleRate));
    let sum = 0;
    for (let i = from; i < to; i += 1) sum += channel[i] * channel[i];
    return to > from ? Math.sqrt(sum / (to - from)) : 0;
  });
  return {
    bytes: bytes.length,
    frameBytes,
    frames: frames.length,
    parsedSamples: samples,
    headers: summary(headers),
    decodedSamples: decoded.samplesDecoded,
    decodedSampleRate: decoded.sampleRate,
    decodeErrors: decoded.errors.length,
    loudness,
  };
}

function summary(headers) {
  return [...headers].map(([key, count]) => {
    const [mpegVersion, layer, sampleRate, bitrate, channels, channelMode] = JSON.parse(key);
    return { mpegVersion, layer, sampleRate, bitrate, channels, channelMode, count };
  });
}

parentPort.on('message', async ({ id, files }) => {
  try {
    const results = [];
    for (const file of files) results.push(await probe(file));
    parentPort.postMessage({ id, results });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.stack : String(error) });
  }
});
parentPort.postMessage({ ready: true, workerData });
