/*
 * Parties and the items others refer to (a »Part« field elsewhere names a party by its id):
 * the choices of a »Part« field, a party named before its id (made from the name), an id that
 * follows a renamed party into every reference, »Tilføj for hver part, der mangler«, and
 * removing a party: asked first when it is used, its references left empty (never another
 * party), undone with »Fortryd«. Where a party is used is worked out by ab-refs.mjs.
 *
 * ``parties(ctx)`` gets: model, data(), draft(), getAt, setAt, deleteAt, rerender, renderAll,
 * edited, say, showLastFindings.
 */
import { $, el, idFor } from "./ab-dom.mjs";
import { places, removeQuestion, setReferences, usesOf } from "./ab-refs.mjs";
import { isObject, shown, slug } from "./ab-values.mjs";

export function parties(ctx) {
  let references = {};

  function partyOptions(select, field, value) {
    select.replaceChildren(el("option", { value: "", text: "Vælg part" }));
    const parties = ctx.data()[field.refersTo];
    const ids = [];
    for (const party of Array.isArray(parties) ? parties : []) {
      const key = isObject(party) ? party[field.keyField] : null;
      if (typeof key !== "string" || !key || ids.includes(key)) continue;
      ids.push(key);
      const name = party[field.nameField];
      select.append(el("option", { value: key, text: (name ? name + " " : "") + "(" + key + ")" }));
    }
    if (shown(value) !== "" && !ids.includes(value)) {
      select.append(el("option", { value: shown(value), text: shown(value) + " (ikke blandt parterne)" }));
    }
    select.value = shown(value);
  }

  function referenceLists() {
    // the lists other fields refer to (x-henvisning), found in the model: parter → id, navn
    const found = {};
    (function walk(fields) {
      for (const f of fields || []) {
        if (f.kind === "party") {
          const entry = found[f.refersTo] || (found[f.refersTo] = { keyField: f.keyField, nameField: f.nameField, fields: [] });
          if (!entry.fields.includes(f.key)) entry.fields.push(f.key);
        }
        walk(f.fields);
        if (f.item && f.item.fields) walk(f.item.fields);
      }
    })(ctx.model.elements);
    return found;
  }

  function renameReferences(list, ref, oldKey, newKey) {
    const uses = usesOf(ctx.data(), list, ref, oldKey);
    setReferences(ctx.data(), uses, newKey);
    return uses.length;
  }

  function partyChanged(field, path, previous, value) {
    const ref = references[path[0]];
    const item = path.slice(0, 2);
    const keyPath = item.concat([ref.keyField]);
    let oldKey = field.key === ref.keyField ? previous : undefined;
    let newKey = field.key === ref.keyField ? value : undefined;
    if (field.key === ref.nameField) {
      const keyInput = $(idFor(keyPath));
      const key = ctx.getAt(keyPath);
      if (keyInput && (key === undefined || key === slug(previous || ""))) {
        oldKey = key;
        newKey = slug(value || "");
        if (newKey) ctx.setAt(keyPath, newKey); else ctx.deleteAt(keyPath);
        keyInput.value = newKey;
      }
    }
    const others = (ctx.data()[path[0]] || []).filter(function (p, i) { return i !== path[1] && isObject(p); });
    const stillUsed = others.some(function (p) { return p[ref.keyField] === oldKey; });
    if (typeof oldKey === "string" && oldKey && newKey && oldKey !== newKey && !stillUsed) {
      const changed = renameReferences(path[0], ref, oldKey, newKey);
      if (changed) {
        for (const element of ctx.model.elements) if (element.key !== path[0]) ctx.rerender(element.key, true);
        ctx.showLastFindings();
        ctx.say("Henvisningerne til »" + oldKey + "« hedder nu »" + newKey + "« (" + changed + ").");
      }
    }
    document.querySelectorAll("select[data-refers-to]").forEach(function (select) {
      const target = references[select.dataset.refersTo];
      partyOptions(select, { refersTo: select.dataset.refersTo, keyField: target.keyField, nameField: target.nameField }, select.value);
    });
  }

  function drawnOrder(path, fields) {
    // an item others refer to is named first; its id (made from the name) follows it
    const ref = path.length === 1 ? references[path[0]] : null;
    const name = ref && fields.find(function (f) { return f.key === ref.nameField; });
    const key = ref && fields.find(function (f) { return f.key === ref.keyField; });
    if (!name || !key) return fields;
    return [name, key].concat(fields.filter(function (f) { return f !== name && f !== key; }));
  }

  function nameTheKeys() {
    // the id of an item others refer to is, to a form user, a short name the form makes
    for (const list of Object.keys(references)) {
      const element = ctx.model.elements.find(function (e) { return e.key === list; });
      const key = element && element.item ? element.item.fields.find(function (f) { return f.key === references[list].keyField; }) : null;
      if (!key) continue;
      key.title = "Kort navn, udfyldes automatisk";
      key.description = "Laves af navnet, mens I skriver. Resten af aftalen vælger " + element.item.title.toLowerCase()
        + "en ved det. Kun små bogstaver, tal og bindestreg.";
    }
  }

  function partyField(field) {
    return field.item.fields.find(function (f) { return f.kind === "party"; });
  }

  function addPerParty(path, ref) {
    const list = Array.isArray(ctx.getAt(path)) ? ctx.getAt(path) : [];
    const present = list.map(function (item) { return isObject(item) ? item[ref.key] : null; });
    const parties = Array.isArray(ctx.data()[ref.refersTo]) ? ctx.data()[ref.refersTo] : [];
    let added = 0;
    for (const party of parties) {
      const key = isObject(party) ? party[ref.keyField] : null;
      if (typeof key === "string" && key && !present.includes(key)) {
        list.push({ [ref.key]: key });
        present.push(key);
        added++;
      }
    }
    if (!Array.isArray(ctx.getAt(path)) && list.length) ctx.setAt(path, list);
    ctx.say(added ? "Tilføjede " + added + " til listen." : "Alle parter er allerede med (parter skal have et id).");
    ctx.rerender(path[0]);
    if (added) ctx.edited();
  }

  function removeItem(path, index) {
    const ref = path.length === 1 ? references[path[0]] : null;
    let uses = [], before = null, what = "";
    if (ref) {
      // an item others refer to (a party): say where it is used and ask first; its references
      // are left empty, never pointed at another item, and the removal can be undone
      const item = ctx.getAt(path.concat([index]));
      const field = ctx.model.elements.find(function (e) { return e.key === path[0]; });
      const title = field.item.title + " " + (index + 1);
      const name = isObject(item) ? shown(item[ref.nameField]) : "";
      uses = usesOf(ctx.data(), path[0], ref, isObject(item) ? item[ref.keyField] : undefined);
      if (uses.length && !window.confirm(removeQuestion(title, name, uses, ctx.model.elements, definite(field.item.title)))) return;
      before = JSON.parse(JSON.stringify(ctx.data()));
      what = title + (name ? " »" + name + "«" : "");
      setReferences(ctx.data(), uses, undefined);
    }
    ctx.deleteAt(path.concat([index]));
    if (ref) for (const element of ctx.model.elements) ctx.rerender(element.key, true);
    else ctx.rerender(path[0]);
    const list = $(idFor(path)) || document.querySelector('[data-element="' + path[0] + '"]');
    const button = list && list.querySelector(".ab-knapper button");
    if (button) button.focus();
    ctx.edited();
    ctx.showLastFindings();
    if (!ref) { ctx.say("Fjernet."); return; }
    ctx.say(what + " er fjernet." + (uses.length ? " " + places(uses.length) + " står nu uden part: vælg en anden part dér." : ""));
    offerUndo(what, before, idFor(path.concat([index, ref.nameField])), list);
  }

  function definite(title) {
    // the item's noun in definite form, as the question uses it: »Parten bruges 5 steder«
    return title === "Part" ? "Parten" : "Den";
  }

  function offerUndo(what, before, focusId, list) {
    // the removal can be undone until the next edit: the agreement as it was comes back, with
    // every reference where it stood; the offer stands by the list the item was removed from
    const undo = el("button", { type: "button", id: "ab-fortryd", text: "Fortryd",
      "aria-label": "Fortryd: fjern ikke " + what.charAt(0).toLowerCase() + what.slice(1),
      on: { click: function () {
        ctx.draft().data = before;
        ctx.renderAll();
        ctx.edited();
        ctx.say(what + " er tilbage, og henvisningerne til den står igen, hvor de stod.");
        const back = $(focusId);
        if (back) back.focus();
      } } });
    const notice = el("p", { class: "ab-fortryd", id: "ab-fortryd-besked" }, [what + " er fjernet. ", undo]);
    const buttons = list && list.querySelector(":scope > .ab-knapper");
    if (buttons) buttons.before(notice); else $("ab-besked").after(notice);
  }

  function clearUndo() {
    const notice = $("ab-fortryd-besked");
    if (notice) notice.remove();
  }

  function init() {
    references = referenceLists();
    nameTheKeys();
  }

  return {
    init: init, references: function () { return references; }, partyOptions: partyOptions, partyChanged: partyChanged,
    drawnOrder: drawnOrder, partyField: partyField, addPerParty: addPerParty, removeItem: removeItem, clearUndo: clearUndo,
  };
}
