/*
 * selvevaluering.js: the self-assessment questionnaire, enhanced.
 *
 * The form (written at build time by kbtools/sphinxext/questionnaire.py) works without this
 * file: it can be filled in and printed. This script adds:
 *  - »Gem min bedømmelse som fil«: a rating file (skema from the form's data-schema) that
 *    `kbtools validate` accepts and `kbtools vurdering saml` combines;
 *  - the answers are remembered in the browser (localStorage) until »Ryd skemaet«;
 *  - a print button.
 * The file's text comes from rating-file.js (shared with the facilitator view).
 */
(function () {
  "use strict";
  const KEY = "lks-selvevaluering-1";
  const form = document.getElementById("selvevaluering");
  if (!form) return;
  const message = document.getElementById("sv-besked");
  const parameters = Array.from(form.querySelectorAll("fieldset[data-parameter]"));

  function say(text) {
    message.textContent = text;
  }

  function value(name) {
    const field = form.elements.namedItem(name);
    if (!field) return "";
    return (field.value || "").trim();
  }

  function answers() {
    const result = {
      partnerskab: value("partnerskab"),
      dato: value("dato"),
      navn: value("navn"),
      system: value("system"),
      rolle: value("rolle"),
      niveauer: {},
      begrundelser: {},
    };
    for (const fieldset of parameters) {
      const id = fieldset.dataset.parameter;
      const level = value(id);
      const reason = value("begrundelse-" + id);
      if (level) result.niveauer[id] = level;
      if (reason) result.begrundelser[id] = reason;
    }
    return result;
  }

  function remember() {
    try {
      localStorage.setItem(KEY, JSON.stringify(answers()));
    } catch (error) {
      /* private mode or full storage: the form still works */
    }
  }

  function setRadio(name, chosen) {
    const field = form.elements.namedItem(name);
    if (!field || !chosen) return;
    for (const radio of field.length ? Array.from(field) : [field]) {
      radio.checked = radio.value === chosen;
    }
  }

  function restore() {
    let saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(KEY) || "null");
    } catch (error) {
      saved = null;
    }
    if (!saved || typeof saved !== "object") return;
    for (const name of ["partnerskab", "dato", "navn"]) {
      const field = form.elements.namedItem(name);
      if (field && typeof saved[name] === "string") field.value = saved[name];
    }
    setRadio("system", saved.system);
    setRadio("rolle", saved.rolle);
    for (const fieldset of parameters) {
      const id = fieldset.dataset.parameter;
      setRadio(id, saved.niveauer && saved.niveauer[id]);
      const reason = form.elements.namedItem("begrundelse-" + id);
      if (reason && saved.begrundelser && typeof saved.begrundelser[id] === "string") {
        reason.value = saved.begrundelser[id];
      }
    }
    say("Dine svar fra sidst er hentet frem. De er kun gemt i denne browser.");
  }

  function toYaml(data) {
    return window.kbRatingFile.toYaml(
      form.dataset.schema, data, "Én deltagers bedømmelse, lavet med spørgeskemaet på LKS-vidensbasen."
    );
  }

  function problem(data) {
    const missing = [
      ["partnerskab", "partnerskabets navn", "sv-partnerskab"],
      ["dato", "datoen", "sv-dato"],
      ["navn", "dit navn", "sv-navn"],
      ["system", "dit system", "sv-system-" + (form.querySelector("input[name=system]") || {}).value],
    ].find(function (item) {
      return !data[item[0]];
    });
    if (missing) return ["Skriv eller vælg " + missing[1] + ", før du gemmer.", missing[2]];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(data.dato)) {
      return ["Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-03-15.", "sv-dato"];
    }
    if (!Object.keys(data.niveauer).length) {
      return ["Vælg et niveau ved mindst én parameter, før du gemmer.", "sv-p-" + parameters[0].dataset.parameter];
    }
    for (const id of Object.keys(data.begrundelser)) {
      if (!data.niveauer[id]) {
        const legend = form.querySelector("#sv-p-" + id + " legend");
        const name = legend ? legend.textContent.replace(/^\d+\.\s*/, "") : id;
        return ["Du har skrevet, hvorfor, ved »" + name + "«, men ikke valgt et niveau. Vælg et niveau, eller slet teksten.", "sv-" + id + "-begrundelse"];
      }
    }
    return null;
  }

  function fileName(data) {
    const slug = data.navn.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
      // a file name has room for 255 bytes: a very long name is cut (the file keeps it whole)
      .slice(0, 60).replace(/-$/, "");
    return "bedoemmelse-" + (slug || "deltager") + "-" + data.dato + ".yaml";
  }

  // A problem is also written next to the field it is about (the status line under the
  // buttons may be far out of sight), and the field points to it with aria-describedby. It
  // stays until the next »Gem«: removing it while the reader edits would move the buttons
  // away from under the pointer.
  let shown = null;

  function clearProblem() {
    if (!shown) return;
    shown.field.removeAttribute("aria-invalid");
    shown.field.removeAttribute("aria-describedby");
    shown.note.remove();
    shown = null;
  }

  function showProblem(text, target) {
    clearProblem();
    const fieldset = target.matches("fieldset") ? target : target.closest("fieldset.sv-gruppe, fieldset.sv-parameter");
    const field = target.matches("fieldset") ? target.querySelector("input") : target;
    const note = document.createElement("span");
    note.className = "sv-fejl";
    note.id = "sv-fejl";
    note.textContent = text;
    if (target.type === "radio" || target.matches("fieldset")) {
      const legend = fieldset.querySelector("legend");
      legend.after(note);
    } else {
      const label = form.querySelector("label[for='" + target.id + "']");
      (label || target).after(note);
    }
    if (!field) return;
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", note.id);
    shown = { field: field, note: note };
    field.focus();
  }

  function save() {
    const data = answers();
    const found = problem(data);
    if (found) {
      say(found[0]);
      const target = document.getElementById(found[1]);
      if (target) showProblem(found[0], target);
      return;
    }
    clearProblem();
    const blob = new Blob([toYaml(data)], { type: "application/yaml" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName(data);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    const count = Object.keys(data.niveauer).length;
    say("Din bedømmelse er gemt som " + link.download + " (" + count + " af " + parameters.length +
      " parametre). Send filen til den, der samler jeres bedømmelser.");
  }

  function clear() {
    // one click would otherwise throw away every answer
    if (!window.confirm("Vil du tømme skemaet? Dine svar bliver også slettet fra browseren.")) {
      say("Skemaet er ikke tømt.");
      return;
    }
    clearProblem();
    form.reset();
    try {
      localStorage.removeItem(KEY);
    } catch (error) {
      /* nothing to remove */
    }
    say("Skemaet er tømt, og dine svar er slettet fra browseren.");
  }

  form.querySelector(".sv-knapper").hidden = false;
  document.getElementById("sv-gem").addEventListener("click", save);
  document.getElementById("sv-udskriv").addEventListener("click", function () { window.print(); });
  document.getElementById("sv-ryd").addEventListener("click", clear);
  form.addEventListener("input", remember);
  form.addEventListener("change", remember);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  restore();
})();
