// The Web Worker behind kb-python.js: loads Pyodide and the kbtools bundle from the site
// itself, then answers calls with kbtools.browser.entry.call(name, argumentsAsJson).

let python = null;

async function start(config) {
  const started = performance.now();
  const { loadPyodide } = await import(config.pyodide + "pyodide.mjs");
  const bundle = fetch(config.bundle).then(function (response) {
    if (!response.ok) throw new Error("kbtools-pakken kunne ikke hentes (" + response.status + ")");
    return response.arrayBuffer();
  });
  const imported = performance.now();
  const pyodide = await loadPyodide({
    indexURL: config.pyodide,
    stdout: function () {},
    stderr: function () {},
  });
  const loaded = performance.now();
  pyodide.unpackArchive(await bundle, "zip", { extractDir: "/kbtools-browser" });
  pyodide.runPython("import sys\nsys.path.insert(0, '/kbtools-browser')");
  const unpacked = performance.now();
  const call = pyodide.runPython("from kbtools.browser.entry import call\ncall");
  const done = performance.now();
  postMessage({ type: "ready", loadMs: done - started, phases: {
    pyodideScript: imported - started, pyodide: loaded - imported, bundle: unpacked - loaded, kbtools: done - unpacked } });
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
