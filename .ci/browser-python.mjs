// Runs a Python file in one of the browser Pythons that scratchnn supports,
// inside Node, offline:
//
//   node .ci/browser-python.mjs <pyodide|micropython|skulpt> <file.py> [module.py ...]
//
// The file runs as __main__ with no command-line arguments, the way an
// online interpreter's "Run" button runs it; each module.py is made
// importable under its own name.  What Python prints goes to stdout; the
// time taken goes to stderr.  Exits 1 when the Python code raised, 2 on
// bad usage.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const [which, file, ...modules] = process.argv.slice(2);
const runners = { pyodide: runPyodide, micropython: runMicroPython, skulpt: runSkulpt };
if (!runners[which] || !file) {
  console.error("usage: node browser-python.mjs <pyodide|micropython|skulpt> <file.py> [module.py ...]");
  process.exit(2);
}
const source = readFileSync(file, "utf8");
const moduleFiles = modules.map((path) => ({ name: basename(path), text: readFileSync(path, "utf8") }));

// No network: everything these interpreters need comes from node_modules.
globalThis.fetch = () => Promise.reject(new Error("network access is not allowed in CI"));

function writeLine(text) {
  process.stdout.write(text + "\n");
}
function writeRaw(text) {
  process.stdout.write(text);
}

async function runPyodide() {
  const { loadPyodide } = require("pyodide");
  const indexURL = dirname(require.resolve("pyodide/package.json")) + "/";
  const py = await loadPyodide({ indexURL, stdout: writeLine, stderr: (s) => process.stderr.write(s + "\n") });
  const started = Date.now();
  for (const m of moduleFiles) py.FS.writeFile("/home/pyodide/" + m.name, m.text);
  py.runPython("import sys\nif '/home/pyodide' not in sys.path: sys.path.insert(0, '/home/pyodide')");
  py.globals.set("__name__", "__main__");
  await py.runPythonAsync(source, { filename: basename(file) });
  return started;
}

async function runMicroPython() {
  const entry = require.resolve("@micropython/micropython-webassembly-pyscript/micropython.mjs");
  const { loadMicroPython } = await import(pathToFileURL(entry).href);
  // 1 MiB of heap, what PyScript gives MicroPython by default.
  const mp = await loadMicroPython({ stdout: writeLine, stderr: (s) => process.stderr.write(s + "\n"), heapsize: 1024 * 1024 });
  const started = Date.now();
  for (const m of moduleFiles) mp.FS.writeFile("/" + m.name, m.text);
  mp.runPython("import sys\nif '/' not in sys.path: sys.path.append('/')");
  mp.runPython(source);
  return started;
}

async function runSkulpt() {
  require("skulpt/dist/skulpt.min.js");
  require("skulpt/dist/skulpt-stdlib.js");
  const Sk = globalThis.Sk;
  Sk.configure({
    output: writeRaw,
    read: (name) => {
      const mine = moduleFiles.find((m) => name === m.name || name.endsWith("/" + m.name));
      if (mine) return mine.text;
      if (Sk.builtinFiles !== undefined && Sk.builtinFiles.files[name] !== undefined) return Sk.builtinFiles.files[name];
      throw new Error("File not found: '" + name + "'");
    },
    __future__: Sk.python3,
  });
  const started = Date.now();
  await Sk.misceval.asyncToPromise(() => Sk.importMainWithBody("<stdin>", false, source, true));
  return started;
}

const loading = Date.now();
runners[which]().then(
  (started) => {
    const now = Date.now();
    process.stderr.write(`[${which}] start-up ${((started - loading) / 1000).toFixed(2)} s, ` +
      `${basename(file)} ${((now - started) / 1000).toFixed(2)} s\n`);
    process.exit(0);
  },
  (error) => {
    process.stderr.write(`[${which}] ${basename(file)} raised:\n${(error && (error.message || error.toString())) || error}\n`);
    process.exit(1);
  },
);
