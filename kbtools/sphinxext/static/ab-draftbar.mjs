/*
 * The builder's drafts bar: the list of drafts, »Ny kladde«, »Slet kladde«, the draft's name,
 * and what the page says when the browser refuses to store the drafts (which drafts take the
 * space, and an offer to delete the others). The drafts themselves are kept by ab-drafts.mjs.
 *
 * ``draftBar(ctx)`` gets: store() (the drafts), persist, say, renderAll, forgetFindings,
 * newDraft, uniqueName, scheduleCheck, and afterSwitch (what follows opening another draft).
 */
import { $, el } from "./ab-dom.mjs";
import { largestOthers, sizeText } from "./ab-drafts.mjs";

export function draftBar(ctx) {
  function on(id, type, handler) {
    const node = $(id);
    if (node) node.addEventListener(type, handler);
  }

  function showSpace(error) {
    // when the browser refuses to store the drafts, say which drafts take the space and offer
    // to delete the others; the current draft stays in the page either way
    let box = $("ab-plads");
    if (!error) { if (box) box.remove(); return; }
    if (!box) {
      box = el("div", { id: "ab-plads", class: "ab-plads", role: "alert" });
      $("ab-besked").after(box);
    }
    const sizes = largestOthers(ctx.store());
    const quota = error.name === "QuotaExceededError";
    const lines = [el("p", { text: (quota ? "Browserens plads til kladder er brugt op, så den seneste ændring er ikke gemt i browseren."
      : "Kladden kunne ikke gemmes i browseren (" + error.name + ").") + " Kladden »" + ctx.store().active + "« er stadig her på siden."
      + " Gem den med »Gem aftalen som fil«, så I ikke mister den, hvis I lukker siden." })];
    if (quota && sizes.length) {
      lines.push(el("p", { text: "Disse kladder fylder mest: " + sizes.slice(0, 5).map(function (s) { return "»" + s[0] + "« (" + sizeText(s[1]) + ")"; }).join(", ") + "." }));
      lines.push(el("button", { type: "button", id: "ab-slet-andre", text: "Slet de andre kladder", on: { click: deleteOthers } }));
    }
    box.replaceChildren.apply(box, lines);
  }

  function deleteOthers() {
    const others = Object.keys(ctx.store().drafts).filter(function (name) { return name !== ctx.store().active; });
    if (!window.confirm("Slet " + others.length + (others.length === 1 ? " kladde" : " kladder") + " (alle undtagen »" + ctx.store().active + "«)? Det kan ikke fortrydes.")) return;
    for (const name of others) delete ctx.store().drafts[name];
    ctx.persist();
    showDrafts();
    ctx.say(others.length + (others.length === 1 ? " kladde er slettet." : " kladder er slettet.") + ($("ab-plads") ? "" : " Kladden »" + ctx.store().active + "« er gemt i browseren."));
  }

  function showDrafts() {
    const select = $("ab-kladde");
    select.replaceChildren();
    for (const name of Object.keys(ctx.store().drafts)) {
      select.append(el("option", { value: name, text: name, selected: name === ctx.store().active }));
    }
    $("ab-navn").value = ctx.store().active;
  }

  function wire() {
    on("ab-kladde", "change", function (event) {
      ctx.store().active = event.target.value;
      ctx.persist();
      ctx.forgetFindings();
      ctx.renderAll();
      ctx.say("Kladden »" + ctx.store().active + "« er åbnet.");
      ctx.afterSwitch();
    });
    on("ab-ny", "click", function () {
      ctx.newDraft(ctx.uniqueName("Kladde " + (Object.keys(ctx.store().drafts).length + 1)));
      ctx.persist();
      ctx.forgetFindings();
      ctx.renderAll();
      ctx.say("Ny kladde: »" + ctx.store().active + "«.");
      ctx.scheduleCheck();
    });
    on("ab-slet", "click", function () {
      if (!window.confirm("Slet kladden »" + ctx.store().active + "«? Det kan ikke fortrydes.")) return;
      const gone = ctx.store().active;
      delete ctx.store().drafts[gone];
      const rest = Object.keys(ctx.store().drafts);
      if (rest.length) ctx.store().active = rest[0]; else ctx.newDraft("Kladde 1");
      ctx.persist();
      ctx.forgetFindings();
      ctx.renderAll();
      ctx.say("Kladden »" + gone + "« er slettet.");
      ctx.afterSwitch();
    });
    on("ab-navn", "change", function (event) {
      const wanted = event.target.value.trim();
      if (!wanted || wanted === ctx.store().active) { event.target.value = ctx.store().active; return; }
      const name = ctx.uniqueName(wanted);
      const renamed = {};
      for (const [key, value] of Object.entries(ctx.store().drafts)) renamed[key === ctx.store().active ? name : key] = value;
      ctx.store().drafts = renamed;
      ctx.store().active = name;
      ctx.persist();
      showDrafts();
      ctx.say("Kladden hedder nu »" + name + "«.");
    });
  }

  return { showSpace: showSpace, showDrafts: showDrafts, wire: wire };
}
