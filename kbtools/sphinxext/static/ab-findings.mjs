/*
 * The builder's findings on the page: the list under »Kontrol af aftalen« (errors first, each
 * a link to its field), a message at each field with a link back to the list, a word per
 * section in »Aftalens dele«, and the summary. The summary and the words per section come
 * from Python with the findings (kbtools.reporting.summary words every count of findings);
 * the sentences are the form's words (ab-wording.mjs). Every item keeps kbtools' own finding
 * in data attributes (data-kode, data-linje, data-kolonne, data-niveau, data-besked,
 * data-orden: its place in kbtools' order), so the page and ``kbtools validate --format json``
 * can be compared: the page's testing contract (tests/builder/builderpage.py), in the page's
 * Danish, not a message to Python.
 *
 * ``findingsView(ctx)`` gets: draft() (the active draft), model, root (the way to the site's
 * root), and the data via draft().data.
 */
import { $, el, idFor } from "./ab-dom.mjs";
import { arrange, sentence } from "./ab-wording.mjs";

const LEVELS = { fejl: "Fejl", advarsel: "Advarsel", anbefaling: "Anbefaling", mangler: "Mangler" };
const SITE = "https://lks-vidensbasen.github.io/";

export function findingsView(ctx) {
  function target(path) {
    for (let n = path.length; n > 0; n--) {
      const node = $(idFor(path.slice(0, n)));
      if (node) return node;
    }
    return path.length ? $("del-" + path[0]) : null;
  }

  function localHelp(url) {
    return typeof url === "string" && url.startsWith(SITE) ? ctx.root + url.slice(SITE.length) : url;
  }

  function clearFieldFindings() {
    document.querySelectorAll(".ab-felt-fund").forEach(function (p) { p.replaceChildren(); p.hidden = true; });
    document.querySelectorAll("#ab-form [aria-invalid]:not([data-ulaeselig])").forEach(function (node) { node.removeAttribute("aria-invalid"); });
    document.querySelectorAll("[data-ekstra-beskrivelse]").forEach(function (node) {
      node.setAttribute("aria-describedby", node.dataset.ekstraBeskrivelse);
      node.removeAttribute("data-ekstra-beskrivelse");
    });
  }

  function attach(level, text, node, itemId) {
    const holder = node.matches("input, select, textarea") ? node : null;
    let place = $(node.id + "-fund");
    if (!place) {
      const wrapper = node.closest(".ab-tabel, .ab-liste, .ab-gruppe, .ab-element, .ab-del");
      place = wrapper ? wrapper.querySelector(".ab-felt-fund:last-of-type") : null;
      if (holder && place) {
        if (!holder.dataset.ekstraBeskrivelse) holder.dataset.ekstraBeskrivelse = holder.getAttribute("aria-describedby") || "";
        holder.setAttribute("aria-describedby", (holder.dataset.ekstraBeskrivelse + " " + place.id).trim());
      }
    }
    if (holder && level === "fejl") holder.setAttribute("aria-invalid", "true");
    if (!place) return;
    place.hidden = false;
    if (place.childNodes.length) place.append(el("br"));
    place.append(el("span", { class: "ab-felt-besked ab-" + level, text: LEVELS[level] + ": " + text }), " ",
      el("a", { href: "#" + itemId, class: "ab-til-fund", text: "Til fundene", on: { click: function (event) {
        event.preventDefault();
        const item = $(itemId);
        const link = item && item.querySelector("a");
        (link || $("ab-fund")).focus();
      } } }));
  }

  function whereText(finding) {
    // the line and column only for a file as it was opened: the user may fix it in an editor;
    // in the form, the sentence already names the field
    const current = ctx.draft();
    if (!(current.original && !current.changed) || !finding.line) return "";
    return "linje " + finding.line + ", kolonne " + finding.column + (current.fileName ? " i " + current.fileName : "");
  }

  function item(finding, level, text, itemId) {
    return el("li", { id: itemId, class: "ab-fund ab-" + level, "data-kode": finding.code, "data-linje": finding.line,
      "data-kolonne": finding.column, "data-niveau": finding.level, "data-besked": finding.message, "data-orden": finding.order });
  }

  function showFindings(answer) {
    // ``answer``: Python's check answer (kbtools.browser.findings): the findings, the summary
    // and the word per section, all worded by kbtools; only the sentences are the form's own
    clearFieldFindings();
    const list = $("ab-fundliste");
    list.replaceChildren();
    const data = ctx.draft().data;
    const { listed, recommended } = arrange(answer.findings);
    for (const finding of listed) {
      const level = finding.missingPart ? "mangler" : finding.level;
      const text = sentence(finding, data, ctx.model.elements);
      const node = target(finding.path || []);
      const itemId = "fund-" + finding.order;
      const li = item(finding, level, text, itemId);
      const words = [el("span", { class: "ab-niveau", text: LEVELS[level] + ": " }), el("span", { class: "ab-fund-besked", text: text })];
      if (node) {
        attach(level, text, node, itemId);
        li.append(el("a", { href: "#" + node.id, on: { click: function (event) { event.preventDefault(); focusField(node); } } }, words));
      } else li.append(el("span", {}, words));
      const where = whereText(finding);
      if (where) li.append(" ", el("span", { class: "ab-sted", text: "(" + where + ")" }));
      if (finding.help) li.append(" ", el("a", { href: localHelp(finding.help), class: "ab-hjaelp-link", text: "Læs om det" }));
      list.append(li);
    }
    if (recommended.length) list.append(recommendations(recommended));
    showPerSection(answer.sections);
    if ($("ab-opsummering").textContent !== answer.summary) $("ab-opsummering").textContent = answer.summary;
  }

  function recommendations(found) {
    // the recommended parts the agreement lacks, once: why, and a link to each part
    const li = el("li", { class: "ab-fund ab-anbefaling", id: "fund-anbefalet" }, [
      el("span", { class: "ab-niveau", text: "Anbefaling: " }),
      el("span", { class: "ab-fund-besked", text: "Overvej også at udfylde disse dele. De er ikke krav, men vidensbasen anbefaler dem,"
        + " fordi de gør det tydeligt, hvordan I arbejder sammen; vejledningen under hver del siger mere: " })]);
    found.forEach(function (finding, i) {
      const element = ctx.model.elements.find(function (e) { return e.key === finding.path[0]; });
      const section = $("del-" + finding.path[0]);
      const name = element ? element.title : finding.path[0];
      li.append(i ? (i === found.length - 1 ? " og " : ", ") : "", el("a", { href: "#del-" + finding.path[0], "data-kode": finding.code,
        "data-linje": finding.line, "data-kolonne": finding.column, "data-niveau": finding.level, "data-besked": finding.message,
        "data-orden": finding.order, text: name, on: { click: function (event) {
          if (!section) return;
          event.preventDefault();
          focusField(section);
        } } }));
    });
    li.append(".");
    return li;
  }

  function showPerSection(sections) {
    document.querySelectorAll("[data-nav]").forEach(function (span) {
      const section = sections[span.dataset.nav];
      span.textContent = section && section.text ? " – " + section.text : "";
      span.className = "ab-nav-fund" + (section && section.hasErrors ? " ab-fejl" : "");
    });
  }

  function focusField(node) {
    const field = node.matches("input, select, textarea") ? node : node.querySelector("input, select, textarea") || node;
    field.scrollIntoView({ block: "center" });
    field.focus();
  }

  return { showFindings: showFindings };
}
