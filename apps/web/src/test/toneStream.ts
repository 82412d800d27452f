import type { AttachStream } from "../player/hlsSource.ts";

const SAMPLE_RATE = 8000;

/** A quiet two-note tone as a WAV file: something real to play in Storybook, where there is no HLS server. */
function toneWav(seconds: number): Blob {
  const samples = SAMPLE_RATE * seconds;
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const text = (offset: number, value: string) => {
    for (let index = 0; index < value.length; index += 1) view.setUint8(offset + index, value.charCodeAt(index));
  };
  text(0, "RIFF");
  view.setUint32(4, 36 + samples * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, samples * 2, true);
  for (let index = 0; index < samples; index += 1) {
    const frequency = Math.floor(index / SAMPLE_RATE) % 2 === 0 ? 440 : 554;
    view.setInt16(44 + index * 2, Math.sin((2 * Math.PI * frequency * index) / SAMPLE_RATE) * 3000, true);
  }
  return new Blob([buffer], { type: "audio/wav" });
}

/** Plays a generated tone instead of the stream: for stories of the player. */
export const attachToneStream: AttachStream = async (audio) => {
  if (typeof URL.createObjectURL !== "function") return { destroy: () => {} };
  const url = URL.createObjectURL(toneWav(30));
  audio.src = url;
  return {
    destroy: () => {
      audio.removeAttribute("src");
      URL.revokeObjectURL(url);
    },
  };
};
