/*
 * The builder's files and print view: »Åbn aftale« (an opened file is kept as its bytes until
 * it is edited, and loaded into the form by kbtools' own Python), »Gem aftalen som fil« (the
 * opened bytes, or the YAML ab-yaml.mjs writes from the form), the print view and the Word
 * file (both written by kbtools in the browser). Nothing is sent anywhere: a file is read and
 * saved in the browser only.
 *
 * A page whose model has ``tool.note`` is the follow-up form: a draft is begun from its
 * agreement (»Begynd fra aftalen«: kbtools' start_followup), checked against it, and the
 * print and the Word file are the status note (render_note, with the agreement beside it).
 *
 * ``files(ctx)`` gets the builder's shared state and functions: model, store, draft(),
 * newDraft, uniqueName, persist, renderAll, say, showFindings, forgetFindings,
 * ensurePython(), python() (the runtime once it is ready, else null), scheduleCheck, and
 * nextCheck()/isLatest(seq) (only the latest check or load shows its findings).
 */
import { $, el } from "./ab-dom.mjs";
import { addDraft, emptyStore } from "./ab-drafts.mjs";
import { isObject, shown, slug } from "./ab-values.mjs";
import { toYaml } from "./ab-yaml.mjs";
import { templateProblem, withTemplate } from "./ab-skabelon.mjs";

export function files(ctx) {
  // the model is read once the page has started: the follow-up form's has tool.note
  function isNote() { return Boolean(ctx.model && ctx.model.tool && ctx.model.tool.note); }

  function fileName() {
    const data = ctx.draft().data;
    if (isNote()) return "opfoelgning" + (Number.isInteger(data["år"]) ? "-" + data["år"] : "") + ".yaml";
    const title = data.titel;
    return (typeof title === "string" && slug(title) ? slug(title) : "partnerskabsaftale") + ".yaml";
  }

  function content() {
    // what is checked: the opened bytes while unedited, else the form's YAML; a follow-up
    // with the agreement it was begun from
    const current = ctx.draft();
    const name = current.fileName || fileName();
    const given = current.original && !current.changed ? { base64: current.original, name: name }
      : { text: toYaml(current.data, ctx.model.elements), name: name };
    const agreements = (current.agreements || []).concat(noteFiles("agreement"));
    return agreements.length ? Object.assign(given, { agreements: agreements }) : given;
  }

  function noteFiles(kind) {
    // the files added for the status note of this kind, as Python takes a folder's files
    return (ctx.draft().noteFiles || []).filter(function (f) { return f.kind === kind; })
      .map(function (f) { return { name: f.name, base64: f.base64 }; });
  }

  function rendered(format) {
    // the call that makes the print (html) or the Word file (docx); a note's folder holds
    // the agreements and the assessments added for it
    const args = withTemplate(content());
    const folder = (args.agreements || []).concat(noteFiles("assessment"));
    if (isNote()) return ctx.python().call("render_note", Object.assign(args, { format: format, folder: folder }));
    return ctx.python().call(format === "html" ? "render_html" : "render_docx", args);
  }

  async function startFromAgreement(file) {
    // »Begynd fra aftalen«: a new follow-up with the agreement's goals and budget lines
    ctx.ensurePython();
    if (!ctx.python()) { ctx.say("Vent, til kontrollen er indlæst, og vælg så aftalen igen."); return; }
    const agreement = { name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) };
    const answer = await ctx.python().call("start_followup", agreement);
    if (!answer.followup) { ctx.say("»" + file.name + "« kan ikke læses som en partnerskabsaftale. " + answer.summary); return; }
    ctx.newDraft(ctx.uniqueName("Opfølgning " + answer.followup["år"]), { data: answer.followup, agreements: [agreement] });
    ctx.persist();
    ctx.forgetFindings();
    ctx.renderAll();
    ctx.say("Opfølgningen er begyndt fra »" + file.name + "« med aftalens mål og budgetposter. Skriv status og forbrug.");
    ctx.scheduleCheck();
  }
  async function addNoteFiles(chosen) {
    // typology assessments and versions of the agreement for the status note, kept with the
    // draft: only what the note reads from a folder (read_note_file), one per file name
    const current = ctx.draft();
    ctx.ensurePython();
    const names = Array.from(chosen).map(function (f) { return "»" + f.name + "«"; });
    if (!ctx.python()) showNoteFiles([], names.join(", ") + " læses, så snart kontrollen er indlæst.");
    await ctx.ready(); // files chosen while Python loads are read once it is ready
    const kept = (current.noteFiles || []).slice();
    const begun = (current.agreements || []).map(function (a) { return a.base64; });
    const limit = typeof ctx.model.maxBytes === "number" ? ctx.model.maxBytes : Infinity;
    const refused = [];
    for (const file of Array.from(chosen)) {
      if (file.size > limit) { refused.push("»" + file.name + "« er for stor til at blive læst."); continue; }
      const given = { name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) };
      if (begun.includes(given.base64)) { refused.push("»" + file.name + "« er den aftale, opfølgningen er begyndt fra."); continue; }
      const answer = await ctx.python().call("read_note_file", given);
      if (!answer.kind) { refused.push(whyNot(file.name, answer)); continue; }
      const at = kept.findIndex(function (other) { return other.name === file.name; });
      kept.splice(at < 0 ? kept.length : at, at < 0 ? 0 : 1, Object.assign(given, { kind: answer.kind, about: answer.about }));
    }
    current.noteFiles = kept;
    await noteFilesChanged(ctx.draft() === current ? refused : []); // another draft: not its news
  }

  function whyNot(name, answer) {
    // a file that is not taken: its first error, in kbtools' words and at its place in the
    // file, or what it is not
    const error = (answer.findings || []).find(function (f) { return f.level === "fejl"; });
    if (!error) return "»" + name + "« er hverken en typologivurdering eller en version af aftalen.";
    const where = error.line ? "Linje " + error.line + (error.column ? ", kolonne " + error.column : "") + ": " : "";
    return "»" + name + "« kan ikke bruges. " + where + error.message;
  }

  async function removeNoteFiles() {
    delete ctx.draft().noteFiles;
    $("ab-notatfiler").focus(); // the button goes away with the files
    await noteFilesChanged([]);
  }

  async function noteFilesChanged(refused) {
    // kept, listed, checked again (the agreements are part of the check) and, when the note is
    // shown, made again
    ctx.persist();
    showNoteFiles(refused);
    ctx.scheduleCheck();
    if (!$("ab-udskrift").hidden) await showPrint();
  }

  function showNoteFiles(refused, waiting) {
    // the files the current draft's note is given, those just refused, and whether chosen
    // files wait for Python (the follow-up form)
    const list = $("ab-notatfiler-valgt");
    if (!list) return;
    const kept = ctx.draft().noteFiles || [];
    const items = function (texts) { return el("ul", {}, texts.map(function (t) { return el("li", { text: t }); })); };
    const parts = kept.length
      ? [el("p", { text: "Tilføjet til notatet:" }), items(kept.map(function (f) { return "»" + f.name + "« (" + f.about + ")"; }))]
      : [el("p", { text: "Der er ikke tilføjet nogen filer til notatet." })];
    if (refused && refused.length) parts.push(el("p", { text: "Kom ikke med i notatet:" }), items(refused));
    if (waiting) parts.push(el("p", { text: waiting }));
    list.replaceChildren.apply(list, parts);
    $("ab-notatfiler-fjern").hidden = !kept.length;
  }

  function forgetPrint() {
    // another draft: the note or print shown was the last draft's
    const frame = $("ab-udskrift");
    if (!frame) return;
    frame.hidden = true;
    frame.removeAttribute("srcdoc");
    frame.style.height = "";
    $("ab-udskriv").disabled = true;
    $("ab-udskrift-besked").textContent = "";
  }

  function wireNoteFiles() {
    const input = $("ab-notatfiler");
    if (!input) return;
    input.addEventListener("change", function () { addNoteFiles(input.files).finally(function () { input.value = ""; }); });
    $("ab-notatfiler-fjern").addEventListener("click", removeNoteFiles);
  }

  function toBase64(bytes) {
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }

  function fromBase64(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  async function openFile(file) {
    ctx.ensurePython();
    $("ab-fund").dataset.tilstand = "venter";
    // a file larger than kbtools reads is refused by the check all the same when it gets one
    // byte past the limit: the rest is never read, kept or sent to Python
    const limit = typeof ctx.model.maxBytes === "number" ? ctx.model.maxBytes : Infinity;
    const tooBig = file.size > limit;
    const bytes = new Uint8Array(await (tooBig ? file.slice(0, limit + 1) : file).arrayBuffer());
    if (untouched(ctx.draft())) delete ctx.store.drafts[ctx.store.active]; // an empty new draft gives way to the file
    ctx.newDraft(ctx.uniqueName(file.name), { data: {}, original: toBase64(bytes), fileName: file.name, truncated: tooBig });
    ctx.draft().pending = true;
    ctx.persist();
    ctx.forgetFindings(); // the findings shown belong to the file or draft before
    ctx.renderAll();
    if (ctx.python()) await loadOpened(); else ctx.say("»" + file.name + "« åbnes i formularen, så snart kontrollen er indlæst.");
  }

  function untouched(current) {
    // a draft nobody has written in: no file, no edit, nothing but what a new draft starts with
    if (!current || current.original || current.changed || current.pending) return false;
    const fresh = emptyStore();
    addDraft(fresh, "x", ctx.model);
    return JSON.stringify(current.data) === JSON.stringify(fresh.drafts.x.data) && !(current.extraYears || []).length;
  }

  function unknownKeys(value) {
    const known = ctx.model.elements.map(function (e) { return e.key; });
    const extra = Object.keys(value).filter(function (key) { return !known.includes(key); });
    if (!extra.length) return "";
    const named = extra.slice(0, 5).map(function (k) { return "»" + k + "«"; }).join(", ");
    const more = extra.length > 5 ? " og " + (extra.length - 5) + " andre" : "";
    return " Formularen har ingen felter til " + named + more + ". De bliver stående, når aftalen gemmes.";
  }

  async function loadOpened() {
    const current = ctx.draft();
    if (!current.pending) return;
    const seq = ctx.nextCheck();
    $("ab-fund").dataset.tilstand = "arbejder";
    try {
      const answer = await ctx.python().call("load", { base64: current.original, name: current.fileName });
      delete current.pending;
      if (!isObject(answer.data)) ctx.say("»" + current.fileName + "« kunne ikke læses ind i formularen. Se fundene, og ret filen i en teksteditor.");
      else if (answer.data.skema !== undefined && answer.data.skema !== ctx.model.schema) {
        ctx.say("»" + current.fileName + "« er ikke en partnerskabsaftale: den har »skema: " + shown(answer.data.skema)
          + "«, og en aftale har »skema: " + ctx.model.schema + "«. Formularen viser kun aftalens felter.");
      } else ctx.say("»" + current.fileName + "« er åbnet." + unknownKeys(answer.data));
      current.data = isObject(answer.data) ? answer.data : {};
      ctx.persist();
      ctx.renderAll();
      if (!ctx.isLatest(seq)) return;
      ctx.showFindings(answer);
      $("ab-fund").dataset.tilstand = "færdig";
    } catch (error) {
      ctx.say("Filen kunne ikke åbnes: " + error.message);
      $("ab-fund").dataset.tilstand = "fejl";
    }
  }

  function download(blob, name) {
    const link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function save() {
    const current = ctx.draft();
    if (current.truncated && !current.changed) {
      ctx.say("»" + current.fileName + "« er for stor til at blive åbnet, så den gemmes ikke igen. Ret filen i en teksteditor.");
      return;
    }
    const saved = current.original && !current.changed
      ? new Blob([fromBase64(current.original)], { type: "application/yaml" })
      : new Blob([toYaml(current.data, ctx.model.elements)], { type: "application/yaml" });
    download(saved, current.fileName || fileName());
    ctx.say((isNote() ? "Opfølgningen" : "Aftalen") + " er gemt som " + (current.fileName || fileName()) + " i din download-mappe.");
  }


  async function showPrint() {
    ctx.ensurePython();
    const message = $("ab-udskrift-besked");
    const what = isNote() ? "Statusnotatet" : "Udskriften";
    const shownFor = ctx.draft();
    if (!ctx.python()) { message.textContent = what + " laves, så snart kontrollen er indlæst."; await ctx.ready(); }
    if (ctx.draft() !== shownFor) return; // another draft was opened meanwhile
    message.textContent = what + " laves …";
    const frame = $("ab-udskrift");
    frame.dataset.tilstand = "arbejder";
    $("ab-udskriv").disabled = true;
    try {
      const answer = await rendered("html");
      if (ctx.draft() !== shownFor) return; // made for a draft no longer shown
      if (answer.html === null) {
        if (templateProblem(answer)) { frame.dataset.tilstand = "færdig"; message.textContent = templateProblem(answer); return; }
        frame.hidden = true;
        frame.dataset.tilstand = "færdig";
        message.textContent = "Filen kan ikke læses som " + (isNote() ? "en opfølgning" : "en partnerskabsaftale") + ", så der er ingen udskrift. Se fundene øverst.";
        return;
      }
      frame.setAttribute("sandbox", "allow-same-origin allow-modals");
      frame.onload = function () {
        frame.style.height = frame.contentDocument.documentElement.scrollHeight + 20 + "px";
        $("ab-udskriv").disabled = false;
        frame.dataset.tilstand = "færdig";
      };
      frame.srcdoc = answer.html;
      frame.hidden = false;
      message.textContent = answer.draft
        ? what + " er mærket KLADDE, fordi " + (isNote() ? "opfølgningen har fejl." : "aftalen har fejl eller pladsholdere.")
        : isNote() ? "Statusnotatet er klar til styregruppen." : "Udskriften er klar til underskrift.";
    } catch (error) {
      frame.dataset.tilstand = "fejl";
      message.textContent = what + " kunne ikke laves: " + error.message;
    }
  }

  async function saveWord() {
    ctx.ensurePython();
    const message = $("ab-udskrift-besked");
    if (!ctx.python()) { message.textContent = "Word-filen kan laves, når kontrollen er indlæst."; return; }
    message.textContent = "Word-filen laves …";
    try {
      const answer = await rendered("docx");
      if (templateProblem(answer)) { message.textContent = templateProblem(answer); return; }
      if (answer.docx === null) { message.textContent = "Filen kan ikke læses som " + (isNote() ? "en opfølgning" : "en partnerskabsaftale") + ", så der er ingen Word-fil. Se fundene øverst."; return; }
      const name = (ctx.draft().fileName || fileName()).replace(/\.ya?ml$/i, "") + ".docx";
      download(new Blob([fromBase64(answer.docx)], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }), name);
      message.textContent = (isNote() ? "Statusnotatet" : "Aftalen") + " er gemt som " + name + (answer.draft ? " (mærket KLADDE)." : ".");
    } catch (error) {
      message.textContent = "Word-filen kunne ikke laves: " + error.message;
    }
  }

  function printFrame() {
    const frame = $("ab-udskrift");
    if (frame.hidden || !frame.contentWindow) return;
    frame.contentWindow.focus();
    frame.contentWindow.print();
  }

  return { openFile: openFile, loadOpened: loadOpened, save: save, showPrint: showPrint, saveWord: saveWord, printFrame: printFrame,
    content: content, fileName: fileName, startFromAgreement: startFromAgreement, showNoteFiles: showNoteFiles,
    wireNoteFiles: wireNoteFiles, forgetPrint: forgetPrint };
}
