// The Web Worker behind kb-python.js: loads Pyodide and the kbtools bundle from the site
// itself, then answers calls with kbtools.browser.entry.call(name, argumentsAsJson).
//
// Starting Python is mostly CPU work (compiling Pyodide, starting the interpreter, importing
// kbtools), which HTTP caching cannot save. So the first visit ends by taking a memory snapshot
// of the interpreter with kbtools imported (Pyodide's makeMemorySnapshot; before any of the
// reader's text has been checked, so the snapshot holds no draft) and keeps it in the
// browser's Cache Storage. A return visit starts from that snapshot. The snapshot is kept
// under a key made from the bundle's content-hashed name and Pyodide's folder, so a new
// kbtools or Pyodide is a new key; Pyodide itself refuses a snapshot of another build. Any
// problem with the snapshot (no Cache Storage, a refused or broken snapshot) means a normal
// start: the snapshot only ever saves time.

const SNAPSHOTS = "kb-python-snapshots";
const QUIET = { stdout: function () {}, stderr: function () {} };

let python = null;

function snapshotKey(config) {
  return config.bundle + ".snapshot?pyodide=" + encodeURIComponent(config.pyodide);
}

async function readSnapshot(key) {
  try {
    const cache = await caches.open(SNAPSHOTS);
    const hit = await cache.match(key);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch (error) {
    return null;
  }
}

async function keepSnapshot(key, bytes) {
  try {
    const cache = await caches.open(SNAPSHOTS);
    for (const old of await cache.keys()) {
      if (old.url !== new URL(key).href) await cache.delete(old);
    }
    await cache.put(key, new Response(bytes));
  } catch (error) {
    // no Cache Storage here (e.g. a page opened from disk): the next visit starts normally
  }
}

async function fromSnapshot(loadPyodide, config, snapshot) {
  if (!snapshot) return null;
  try {
    return await loadPyodide({ indexURL: config.pyodide, ...QUIET, _loadSnapshot: snapshot });
  } catch (error) {
    return null;
  }
}

async function start(config) {
  const started = performance.now();
  const { loadPyodide } = await import(config.pyodide + "pyodide.mjs");
  const bundle = fetch(config.bundle).then(function (response) {
    if (!response.ok) throw new Error("kbtools-pakken kunne ikke hentes (" + response.status + ")");
    return response.arrayBuffer();
  });
  const key = snapshotKey(config);
  const imported = performance.now();
  let pyodide = await fromSnapshot(loadPyodide, config, await readSnapshot(key));
  const restored = pyodide !== null;
  if (!restored) {
    pyodide = await loadPyodide({ indexURL: config.pyodide, ...QUIET, _makeSnapshot: true });
  }
  const loaded = performance.now();
  // the snapshot holds the interpreter's memory, not its files: unpack the bundle every time
  pyodide.unpackArchive(await bundle, "zip", { extractDir: "/kbtools-browser" });
  if (!restored) {
    pyodide.runPython(
      "import sys\nsys.path.insert(0, '/kbtools-browser')\nimport kbtools.browser.entry",
    );
    keepSnapshot(key, pyodide.makeMemorySnapshot());
  }
  const unpacked = performance.now();
  const call = pyodide.runPython("from kbtools.browser.entry import call\ncall");
  const done = performance.now();
  postMessage({
    type: "ready",
    loadMs: done - started,
    fromSnapshot: restored,
    phases: {
      pyodideScript: imported - started,
      pyodide: loaded - imported,
      bundle: unpacked - loaded,
      kbtools: done - unpacked,
    },
  });
  return call;
}

self.onmessage = async function (event) {
  const message = event.data;
  if (message.type === "start") {
    python = start(message);
    python.catch(function (error) {
      postMessage({ type: "failed", message: "Kontrollen kunne ikke indlæses: " + error.message });
    });
    return;
  }
  if (message.type !== "call") return;
  try {
    const call = await python;
    const result = call(message.name, JSON.stringify(message.args));
    postMessage({ type: "answer", id: message.id, result: result });
  } catch (error) {
    postMessage({ type: "answer", id: message.id, error: String(error && error.message) });
  }
};
