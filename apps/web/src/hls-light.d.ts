// hls.js ships its light build (no alternate audio, subtitles or DRM, none of which an
// audio-only stream needs) without type declarations; it has the full build's API.
declare module "hls.js/light" {
  export { default } from "hls.js";
}
