/*
 * selvevaluering-samling.js: the facilitator view (kbtools/sphinxext/facilitator.py).
 *
 * Collects rating files (opened, or typed in and written as rating files here) and sends them
 * to kbtools' own Python code in the browser (kb-python.js → kbtools.browser.entry "combine" →
 * kbtools.browser.facilitator.combine_files): the same code as `kbtools vurdering saml`.
 * Shows the result as a table and a list (text only, via textContent) and saves the combined
 * assessment as a YAML file, with the group's decision per parameter from the agenda
 * (svs-dagsorden.js). The collection and the decisions are kept in this browser's
 * localStorage, so a reload keeps them; nothing leaves the browser.
 */
(function () {
  "use strict";

  function start() {
    const root = document.getElementById("samling");
    if (!root) return;
    const status = document.getElementById("svs-status");
    const list = document.getElementById("svs-liste");
    const empty = document.getElementById("svs-tom");
    const result = document.getElementById("svs-resultat");
    const saveButton = document.getElementById("svs-gem");
    const message = document.getElementById("svs-besked");
    const form = document.getElementById("svs-form");
    const formMessage = document.getElementById("svs-form-besked");
    const STORE_KEY = "lks-selvevaluering-samling";
    const ratings = []; // {name, text or base64, label}
    let decisions = {}; // parameter id → {level, reason}: the group's decisions
    let combined = null; // the latest answer that combined the ratings
    let overviewShown = null;
    let py = null;

    function keep() {
      // the collection survives a reload of the page (in this browser only)
      try {
        window.localStorage.setItem(STORE_KEY, JSON.stringify({ ratings: ratings, decisions: decisions }));
      } catch (error) {
        message.textContent = "Samlingen kunne ikke gemmes i browseren (" + error.name + "). Gem den samlede vurdering som fil.";
      }
    }

    function restore() {
      let kept = null;
      try { kept = JSON.parse(window.localStorage.getItem(STORE_KEY) || "null"); } catch (error) { kept = null; }
      if (!kept || !Array.isArray(kept.ratings)) return;
      for (const r of kept.ratings) {
        if (r && typeof r.name === "string" && (typeof r.text === "string" || typeof r.base64 === "string")) {
          ratings.push({ name: r.name, text: r.text, base64: r.base64, label: typeof r.label === "string" ? r.label : r.name });
        }
      }
      if (kept.decisions && typeof kept.decisions === "object") decisions = kept.decisions;
    }

    function element(tag, text, className) {
      const node = document.createElement(tag);
      if (text !== undefined && text !== null) node.textContent = text;
      if (className) node.className = className;
      return node;
    }

    function typedRating() {
      const value = function (name) {
        const field = form.elements.namedItem(name);
        return field ? field.value.trim() : "";
      };
      const data = {
        partnerskab: value("partnerskab"),
        dato: value("dato"),
        navn: value("navn"),
        system: value("system"),
        rolle: value("rolle"),
      };
      const missing = [["partnerskab", "partnerskabets navn", "svs-partnerskab"], ["dato", "datoen", "svs-dato"],
        ["navn", "deltagerens navn", "svs-navn"], ["system", "deltagerens system", "svs-system"]]
        .find(function (item) { return !data[item[0]]; });
      if (missing) return { problem: "Skriv eller vælg " + missing[1] + ".", field: missing[2] };
      const levels = Array.from(form.querySelectorAll(".svs-parametre select"))
        .filter(function (select) { return select.value; });
      if (!levels.length) return { problem: "Vælg et niveau ved mindst én parameter.", field: form.querySelector(".svs-parametre select").id };
      data.niveauer = {};
      for (const select of levels) data.niveauer[select.name] = select.value;
      const text = window.kbRatingFile.toYaml(root.dataset.schema, data, "Bedømmelse skrevet ind under mødet.");
      return { text: text, label: data.navn + " (" + data.system + ", skrevet ind)" };
    }

    function showList() {
      list.replaceChildren();
      empty.hidden = ratings.length > 0;
      ratings.forEach(function (rating, index) {
        const item = element("li", rating.label + " ");
        const remove = element("button", "Fjern");
        remove.type = "button";
        remove.setAttribute("aria-label", "Fjern " + rating.label);
        remove.addEventListener("click", function () {
          ratings.splice(index, 1);
          update();
          // the button is gone: keep keyboard focus in the list (or on the file picker)
          const buttons = list.querySelectorAll("button");
          const next = buttons[Math.min(index, buttons.length - 1)];
          (next || document.getElementById("svs-aabn")).focus();
        });
        item.appendChild(remove);
        list.appendChild(item);
      });
    }

    function showFindings(findings, heading) {
      if (!findings.length) return;
      result.appendChild(element("h3", heading));
      const items = element("ul", null, "svs-fund");
      for (const finding of findings) {
        items.appendChild(element("li", finding.file + ", linje " + finding.line + " (" +
          finding.level + "): " + finding.message));
      }
      result.appendChild(items);
    }

    function showOverview(overview) {
      result.appendChild(element("p", overview.intro));
      // like the case pages' tables: scrolls sideways on a phone, and with the keyboard
      const wrapper = element("div", null, "table-wrapper container svs-tabel");
      wrapper.tabIndex = 0;
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", "Gruppens forslag og deltagernes bedømmelser");
      const table = element("table", null, "docutils kbtools-typologi-case");
      table.appendChild(element("caption", "Gruppens forslag og deltagernes bedømmelser"));
      const head = element("tr");
      const headers = ["Parameter", "Gruppens forslag"]
        .concat(overview.levelNames.map(function (name) { return name + " (antal)"; }))
        .concat(["Hvert systems niveau (median)", "Drøftes?"]);
      for (const text of headers) {
        const cell = element("th", text);
        cell.scope = "col";
        head.appendChild(cell);
      }
      table.appendChild(element("thead")).appendChild(head);
      const body = table.appendChild(element("tbody"));
      for (const row of overview.parameters) {
        const line = element("tr");
        const name = element("th", row.name);
        name.scope = "row";
        line.appendChild(name);
        line.appendChild(element("td", row.level, "kbtools-niveau-" + row.levelId));
        for (const count of row.counts) line.appendChild(element("td", String(count)));
        line.appendChild(element("td", row.systems));
        line.appendChild(element("td", row.discuss ? "Ja" : "Nej"));
        body.appendChild(line);
      }
      wrapper.appendChild(table);
      result.appendChild(wrapper);
      result.appendChild(element("h3", "Hvor er I uenige?"));
      result.appendChild(element("p", overview.disagreementIntro));
      if (overview.disagreements.length) {
        const items = element("ul", null, "kbtools-uenige");
        for (const text of overview.disagreements) items.appendChild(element("li", text));
        result.appendChild(items);
      }
      const heading = element("h3", "Dagsorden for mødet");
      heading.id = "svs-dagsorden-titel";
      result.appendChild(heading);
      const printButton = element("button", "Udskriv mødearket (én side)");
      printButton.type = "button";
      printButton.id = "svs-udskriv";
      printButton.addEventListener("click", printSheet);
      result.appendChild(element("p")).appendChild(printButton);
      const agenda = element("div", null, "svs-dagsorden");
      agenda.id = "svs-dagsorden";
      result.appendChild(agenda);
      window.kbAgenda.show(agenda, overview, decisions, keep);
    }

    function printSheet() {
      // the agenda on one page, from a frame of its own: the page's tools and text stay out
      let frame = document.getElementById("svs-moedeark");
      if (!frame) {
        frame = element("iframe", null, "svs-moedeark");
        frame.id = "svs-moedeark";
        frame.title = "Mødeark til udskrift";
        frame.setAttribute("aria-hidden", "true");
        frame.tabIndex = -1;
        document.body.appendChild(frame);
      }
      const date = combined ? combined.date : "";
      const name = combined ? combined.partnership : "";
      window.kbAgenda.sheet(frame.contentDocument, "Mødeark: " + (name || "selvevaluering") + (date ? ", " + date : ""),
        overviewShown, decisions);
      frame.contentWindow.focus();
      frame.contentWindow.print();
    }

    let updates = 0; // only the latest update shows its answer (files and typed ratings overlap)

    async function update() {
      const mine = ++updates;
      keep();
      showList();
      result.replaceChildren();
      combined = null;
      saveButton.disabled = true;
      if (!ratings.length) {
        status.textContent = "Åbn deltagernes filer, eller skriv en bedømmelse ind.";
        return;
      }
      status.textContent = "Bedømmelserne samles …";
      let answer;
      try {
        answer = await py.call("combine", {
          // an opened file goes as its bytes, so Python finds what the CLI finds (a file that
          // is not UTF-8, a byte order mark), not the browser's decoding of it
          files: files(),
        });
      } catch (error) {
        if (mine === updates) status.textContent = "Bedømmelserne kunne ikke samles: " + error.message;
        return;
      }
      if (mine !== updates) return;
      result.replaceChildren();
      if (answer.yaml) {
        combined = answer;
        overviewShown = answer.overview;
        saveButton.disabled = false;
        status.textContent = ratings.length === 1
          ? "1 bedømmelse er samlet."
          : ratings.length + " bedømmelser er samlet.";
        showOverview(answer.overview);
        showFindings(answer.findings, "Bemærkninger til filerne");
      } else {
        status.textContent = "Bedømmelserne kan ikke samles endnu. Ret det, der står under Resultat.";
        showFindings(answer.findings, "Det skal rettes");
      }
    }

    function files() {
      return ratings.map(function (r) {
        return r.base64 ? { name: r.name, base64: r.base64 } : { name: r.name, text: r.text };
      });
    }

    function readFile(file) {
      // the file's bytes as base64 (a data: URL without its header)
      return new Promise(function (resolve, reject) {
        const reader = new FileReader();
        reader.onload = function () {
          const url = String(reader.result);
          resolve(url.slice(url.indexOf(",") + 1));
        };
        reader.onerror = function () { reject(reader.error); };
        reader.readAsDataURL(file);
      });
    }

    document.getElementById("svs-aabn").addEventListener("change", async function (event) {
      for (const file of Array.from(event.target.files || [])) {
        // two files may have the same name (from two folders): number the second one, so the
        // messages and the »Fjern« buttons tell them apart
        let name = file.name;
        for (let n = 2; ratings.some(function (r) { return r.name === name; }); n++) {
          name = file.name.replace(/(\.ya?ml)?$/i, " (" + n + ")$1");
        }
        ratings.push({ name: name, base64: await readFile(file), label: name });
      }
      event.target.value = "";
      update();
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      const typed = typedRating();
      const old = form.querySelector(".sv-fejl");
      if (old) {
        old.remove();
        for (const field of form.querySelectorAll("[aria-invalid]")) {
          field.removeAttribute("aria-invalid");
          field.removeAttribute("aria-describedby");
        }
      }
      if (typed.problem) {
        formMessage.textContent = typed.problem;
        const field = document.getElementById(typed.field);
        if (field) {
          // the message also stands next to the field, which may be far from the button
          const note = element("span", typed.problem, "sv-fejl");
          note.id = "svs-fejl";
          const label = form.querySelector("label[for='" + field.id + "']");
          (label || field).after(note);
          field.setAttribute("aria-invalid", "true");
          field.setAttribute("aria-describedby", note.id);
          field.focus();
        }
        return;
      }
      const count = ratings.length + 1;
      ratings.push({ name: "skrevet-ind-" + count + ".yaml", text: typed.text, label: typed.label });
      formMessage.textContent = "Bedømmelsen fra " + typed.label + " er tilføjet. Se resultatet under Resultat.";
      for (const name of ["navn", "system", "rolle"]) form.elements.namedItem(name).value = "";
      for (const select of form.querySelectorAll(".svs-parametre select")) select.value = "";
      update();
    });

    saveButton.addEventListener("click", async function () {
      if (!combined) return;
      // the group's decisions go into the combined assessment (kbtools writes the file)
      let text = combined.yaml;
      try {
        const answer = await py.call("combine", { files: files(), decisions: decisions });
        if (answer.yaml) text = answer.yaml;
      } catch (error) {
        message.textContent = "Gruppens beslutninger kunne ikke skrives ind: " + error.message;
        return;
      }
      const blob = new Blob([text], { type: "application/yaml" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "vurdering-" + (combined.date || "dato") + ".yaml";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      message.textContent = "Den samlede vurdering er gemt som " + link.download + ".";
    });

    if (typeof window.startPython !== "function") {
      status.textContent = "Samlingen kunne ikke indlæses (kb-python.js mangler).";
      return;
    }
    py = window.startPython();
    document.getElementById("svs-vaerktoej").hidden = false;
    status.textContent = "Samlingen indlæses …";
    restore();
    showList();
    py.ready.then(function () {
      status.textContent = "Klar. Åbn deltagernes filer, eller skriv en bedømmelse ind.";
      root.dataset.klar = "ja";
      if (ratings.length) update(); // the collection from before the reload
    }, function (error) {
      status.textContent = error.message;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
