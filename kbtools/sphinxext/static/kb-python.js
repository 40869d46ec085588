/*
 * kb-python.js: kbtools' own Python code in the reader's browser (Pyodide in a Web Worker).
 *
 * API (a classic script; it defines one global function):
 *
 *   const py = startPython();        // starts loading Pyodide and kbtools at once
 *   py.ready                         // Promise: resolves with {loadMs, fromSnapshot, phases}
 *                                    // (times in ms) when Python answers; fromSnapshot says
 *                                    // whether it started from the snapshot an earlier
 *                                    // visit kept (see kb-python-worker.mjs),
 *                                    // rejects with an Error (Danish message) if it cannot load
 *   await py.call(name, args)        // runs kbtools.browser.entry.FUNCTIONS[name](args) in the
 *                                    // worker; args and the answer are JSON-able objects. Calls
 *                                    // made before py.ready are queued. A Python error rejects
 *                                    // the Promise with an Error whose message says what failed.
 *   py.worker                        // the Worker itself (to terminate it)
 *
 * Everything is loaded from the site itself (_static/pyodide-<version>/ and the kbtools bundle
 * next to this file): nothing is requested from anywhere else, and the page keeps working
 * while Python loads, because Python never runs on the page's own thread.
 * The build (kbtools/sphinxext/pyruntime.py) writes the real file names into CONFIG.
 */
(function () {
  "use strict";
  const CONFIG = {"pyodide": "pyodide/", "bundle": "kbtools-browser.zip"};
  const script = document.currentScript;
  const base = new URL(".", script && script.src ? script.src : document.baseURI);

  function startPython() {
    const worker = new Worker(new URL("kb-python-worker.mjs", base), { type: "module" });
    const pending = new Map();
    let nextId = 1;
    let settle;
    const ready = new Promise(function (resolve, reject) {
      settle = { resolve: resolve, reject: reject };
    });
    ready.catch(function () {}); // callers that only use call() get the error there

    function failAll(message) {
      settle.reject(new Error(message));
      for (const entry of pending.values()) entry.reject(new Error(message));
      pending.clear();
    }

    worker.onmessage = function (event) {
      const message = event.data;
      if (message.type === "ready") {
        settle.resolve({
          loadMs: message.loadMs,
          fromSnapshot: message.fromSnapshot,
          phases: message.phases,
        });
      } else if (message.type === "failed") {
        failAll(message.message);
      } else if (message.type === "answer") {
        const entry = pending.get(message.id);
        if (!entry) return;
        pending.delete(message.id);
        if (message.error) {
          entry.reject(new Error(message.error));
          return;
        }
        const answer = JSON.parse(message.result);
        if (answer && typeof answer.error === "string") entry.reject(new Error(answer.error));
        else entry.resolve(answer);
      }
    };
    worker.onerror = function (event) {
      event.preventDefault();
      failAll("Python kunne ikke startes i browseren (" + (event.message || "ukendt fejl") + ").");
    };
    worker.postMessage({
      type: "start",
      pyodide: new URL(CONFIG.pyodide, base).href,
      bundle: new URL(CONFIG.bundle, base).href,
    });

    function call(name, args) {
      return new Promise(function (resolve, reject) {
        const id = nextId++;
        pending.set(id, { resolve: resolve, reject: reject });
        worker.postMessage({ type: "call", id: id, name: name, args: args || {} });
      });
    }

    return { ready: ready, call: call, worker: worker };
  }

  window.startPython = startPython;
})();
