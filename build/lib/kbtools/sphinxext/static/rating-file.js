/*
 * rating-file.js: one participant's rating file (skema typologibedømmelse/1) as YAML text.
 *
 * Shared by the questionnaire (selvevaluering.js) and the facilitator view's ratings typed in
 * during a meeting (selvevaluering-samling.js). Texts are YAML double-quoted scalars via
 * JSON.stringify (JSON's escapes are valid YAML); DEL, the C1 controls, NEL, the line and
 * paragraph separators and the byte order mark, which JSON leaves raw but YAML does not allow
 * (or reads as a line break), are written as \u escapes too. So no answer can break the file,
 * and every text reads back the same.
 */
window.kbRatingFile = (function () {
  "use strict";

  function quoted(text) {
    return JSON.stringify(String(text)).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, function (c) {
      return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
    });
  }

  function block(lines, key, values) {
    const ids = Object.keys(values || {});
    if (!ids.length) return;
    lines.push(key + ":");
    for (const id of ids) lines.push("  " + id + ": " + quoted(values[id]));
  }

  /* data: {partnerskab, dato, navn, system, rolle?, niveauer: {id: level}, begrundelser?: {id: text}} */
  function toYaml(skema, data, comment) {
    const lines = [
      "# " + comment,
      "skema: " + quoted(skema),
      "partnerskab: " + quoted(data.partnerskab),
      "dato: " + quoted(data.dato),
      "navn: " + quoted(data.navn),
      "system: " + quoted(data.system),
    ];
    if (data.rolle) lines.push("rolle: " + quoted(data.rolle));
    lines.push("niveauer:");
    for (const id of Object.keys(data.niveauer)) lines.push("  " + id + ": " + quoted(data.niveauer[id]));
    block(lines, "begrundelser", data.begrundelser);
    return lines.join("\n") + "\n";
  }

  return { quoted: quoted, toYaml: toYaml };
})();
