// Imported first by `stave` and by `npm start`: Node 20 is past its end of life and some
// dependencies already need 22, so say so plainly rather than fail somewhere deep in one
// (or after building the web app).
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Stave needs Node.js 22.12 or newer (22 or 24 LTS); this is ${process.version}.`);
  process.exit(1);
}
