/*
 * The builder's budget and financing tables (a ``beløbstabel`` of the form model): one row per
 * post, one column per year, totals per post, per year and in all, and the optional sums the
 * file may hold kept equal to the amounts.
 *
 * Amounts are read as Danish consultants type them (ab-values.mjs: »1.500«, »250.000 kr.«,
 * »1,5 mio.«) and stored as numbers; shown back in Danish when the cell is left. An amount that
 * cannot be read is kept as typed (the check names it), marked at its cell, and never counted
 * as 0: the totals over it say they are incomplete.
 *
 * ``money(ctx)`` gets the builder's shared functions: getAt, setAt, deleteAt, draft, model,
 * help, slot, onInput, addItem, removeItem, rerender, edited, persist, say.
 */
import { $, el, idFor } from "./ab-dom.mjs";
import { amountOf, formatTotal, isObject, parseNumber, showNumber, shown, sum, total } from "./ab-values.mjs";

const UNREADABLE = "Beløbet kan ikke læses. Skriv et tal, fx 1.500 eller 1,5 mio.";

export function money(ctx) {
  const { getAt, setAt, deleteAt, draft } = ctx;

  function moneyLists(parentPath) {
    const parent = getAt(parentPath);
    const group = ctx.model.elements.find(function (e) { return e.key === parentPath[0]; });
    const fields = parentPath.length === 1 && group && group.fields ? group.fields : [];
    return fields.filter(function (f) { return f.kind === "amountTable"; }).map(function (f) {
      return { field: f, posts: isObject(parent) && Array.isArray(parent[f.key]) ? parent[f.key] : [] };
    });
  }

  function years(parentPath) {
    const found = new Set(draft().extraYears || []);
    for (const list of moneyLists(parentPath)) {
      for (const post of list.posts) {
        const amounts = isObject(post) ? post[list.field.amountsField] : null;
        if (isObject(amounts)) Object.keys(amounts).forEach(function (y) { found.add(String(y)); });
      }
    }
    return Array.from(found).sort();
  }

  function markCell(input, value) {
    // an amount that is not a number gets a message at its cell, read with the cell
    const unreadable = value !== undefined && value !== null && value !== "" && typeof value !== "number";
    // the note next to this input (a table being redrawn is still in the page, with its ids)
    const next = input.nextElementSibling;
    const note = next && next.classList.contains("ab-celle-besked") ? next : null;
    if (unreadable && !note) {
      input.setAttribute("aria-invalid", "true");
      input.dataset.ulaeselig = "";
      input.setAttribute("aria-describedby", input.id + "-laes");
      input.after(el("span", { class: "ab-celle-besked", id: input.id + "-laes", text: UNREADABLE }));
    } else if (!unreadable && note) {
      note.remove();
      input.removeAttribute("aria-invalid");
      delete input.dataset.ulaeselig;
      input.removeAttribute("aria-describedby");
    }
  }

  function amountCell(field, listPath, post, i, year) {
    const amountPath = listPath.concat([i, field.amountsField, year]);
    const name = isObject(post) && shown(post[field.nameField]) ? " »" + shown(post[field.nameField]) + "«" : " " + (i + 1);
    const input = el("input", { id: idFor(amountPath), type: "text", inputmode: "decimal", class: "ab-tal", autocomplete: "off",
      "aria-label": year + ", " + field.item.title.toLowerCase() + name });
    const value = isObject(post) && isObject(post[field.amountsField]) ? post[field.amountsField][year] : undefined;
    input.value = showNumber(value);
    input.addEventListener("input", function () { onAmount(field, listPath, amountPath, input); });
    input.addEventListener("change", function () {
      // shown back in Danish once the cell is left (never while typing)
      const stored = getAt(amountPath);
      if (typeof stored === "number") input.value = showNumber(stored);
    });
    const cell = el("td", { class: "ab-tal" }, [input]);
    markCell(input, value);
    return cell;
  }

  function moneyTable(field, path) {
    const id = idFor(path);
    const parentPath = path.slice(0, -1);
    const allYears = years(parentPath);
    const posts = Array.isArray(getAt(path)) ? getAt(path) : [];
    const unit = isObject(getAt(parentPath)) && getAt(parentPath).enhed ? getAt(parentPath).enhed : "den valgte enhed";
    const head = el("tr", {}, [el("th", { scope: "col", class: "ab-post", text: field.item.title })]
      .concat(allYears.map(function (y) { return el("th", { scope: "col", class: "ab-tal", text: y }); }),
        [el("th", { scope: "col", class: "ab-tal", text: "I alt" }), el("th", { scope: "col", text: "Fjern" })]));
    const body = el("tbody");
    posts.forEach(function (post, i) {
      const postPath = path.concat([i]);
      const namePath = postPath.concat([field.nameField]);
      const nameField = field.item.fields.find(function (f) { return f.key === field.nameField; }) || { kind: "text", title: field.nameField };
      // a text area, so a long post name wraps instead of being cut off; a name has one line
      const name = el("textarea", { id: idFor(namePath), rows: 2, autocomplete: "off", class: "ab-postnavn",
        "aria-label": field.item.title + " " + (i + 1) + ": " + nameField.title.toLowerCase() });
      name.value = isObject(post) ? shown(post[field.nameField]) : "";
      name.addEventListener("keydown", function (event) { if (event.key === "Enter") event.preventDefault(); });
      name.addEventListener("input", function () {
        if (/[\r\n]/.test(name.value)) name.value = name.value.replace(/[\r\n]+/g, " ");
        ctx.onInput(nameField, namePath, name);
      });
      const row = el("tr", { id: idFor(postPath) }, [el("th", { scope: "row", class: "ab-post" }, [name])]);
      for (const year of allYears) row.append(amountCell(field, path, post, i, year));
      row.append(el("td", { class: "ab-tal ab-rækkesum", "data-sum": String(i) }));
      row.append(el("td", {}, [el("button", { type: "button", class: "ab-fjern", text: "Fjern",
        "aria-label": "Fjern " + field.item.title.toLowerCase() + " " + (i + 1), on: { click: function () { ctx.removeItem(path, i); } } })]));
      body.append(row);
    });
    const foot = el("tr", {}, [el("th", { scope: "row", text: "I alt" })]
      .concat(allYears.map(function (y) { return el("td", { class: "ab-tal", "data-aar": y }); }),
        [el("td", { class: "ab-tal", "data-aar": "alle" }), el("td")]));
    const table = el("table", { class: "ab-beloeb" }, [
      el("caption", { text: field.title + " (beløb i " + unit + ")" }), el("thead", {}, [head]), body, el("tfoot", {}, [foot])]);
    const scroller = el("div", { class: "ab-rulle", tabindex: "0", role: "region", "aria-label": field.title + ", tabel" }, [table]);
    const more = el("p", { class: "ab-rul-hint", id: id + "-rul", hidden: true, text: "Tabellen er bredere end skærmen. Rul til højre for at se »I alt«." });
    watchWidth(scroller, more);
    const incomplete = el("p", { class: "ab-ufuldstaendig", id: id + "-ufuld", hidden: true });
    const wrapper = el("div", { id: id, class: "ab-liste ab-tabel", tabindex: "-1" }, [
      el("h3", { class: "ab-listetitel", text: field.title + (field.required ? " (skal udfyldes)" : "") }), ctx.help(field, id), more, scroller, incomplete,
      el("p", { class: "ab-knapper" }, [
        el("button", { type: "button", text: "Tilføj " + field.item.title.toLowerCase(), on: { click: function () { addPost(path); } } }), " ",
        el("button", { type: "button", text: "Tilføj år", on: { click: function () { addYear(parentPath); } } }), " ",
        el("button", { type: "button", text: "Fjern sidste år", on: { click: function () { removeLastYear(parentPath); } } })]),
      ctx.slot(id)]);
    updateTotals(wrapper, field, posts, allYears);
    return wrapper;
  }

  function watchWidth(scroller, hint) {
    // a hint above a table wider than the screen while its »I alt« column is out of sight
    const update = function () {
      const hidden = scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth - 2;
      if (hint.hidden === hidden) hint.hidden = !hidden;
    };
    scroller.addEventListener("scroll", update, { passive: true });
    if (typeof ResizeObserver === "function") new ResizeObserver(update).observe(scroller);
  }

  function addPost(path) {
    // a table has a year to write in from its first post: the agreement's first year, else next year
    const parentPath = path.slice(0, -1);
    if (!years(parentPath).length) {
      const start = getAt(["varighed", "start"]);
      const year = typeof start === "string" && /^\d{4}-/.test(start) ? start.slice(0, 4) : String(new Date().getFullYear() + 1);
      draft().extraYears = (draft().extraYears || []).concat([year]);
    }
    ctx.addItem(path, {});
  }

  function totalText(result) {
    return formatTotal(result.total) + (result.missing ? " (ufuldstændig)" : "");
  }

  function updateTotals(wrapper, field, posts, allYears) {
    const amountsOf = function (post) { return isObject(post) ? post[field.amountsField] : null; };
    posts.forEach(function (post, i) {
      const cell = wrapper.querySelector('[data-sum="' + i + '"]');
      if (cell) cell.textContent = totalText(total(allYears.map(function (y) { return amountOf(amountsOf(post), y); })));
    });
    const perYear = allYears.map(function (year) { return total(posts.map(function (post) { return amountOf(amountsOf(post), year); })); });
    allYears.forEach(function (year, i) {
      const cell = wrapper.querySelector('[data-aar="' + year + '"]');
      if (cell) cell.textContent = totalText(perYear[i]);
    });
    const all = { total: total(perYear.map(function (r) { return r.total; })).total, missing: perYear.reduce(function (n, r) { return n + r.missing; }, 0) };
    const cell = wrapper.querySelector('[data-aar="alle"]');
    if (cell) cell.textContent = totalText(all);
    const note = wrapper.querySelector(".ab-ufuldstaendig");
    if (note) {
      note.hidden = !all.missing;
      note.textContent = all.missing ? "I alt er ufuldstændig: " + (all.missing === 1 ? "1 beløb kan ikke læses og er ikke talt med."
        : all.missing + " beløb kan ikke læses og er ikke talt med.") + " Ret de markerede felter." : "";
    }
  }

  function onAmount(field, listPath, amountPath, input) {
    const value = parseNumber(input.value);
    if (input.value.trim() === "") deleteAt(amountPath); else setAt(amountPath, value);
    markCell(input, input.value.trim() === "" ? undefined : value);
    updatePostSum(field, getAt(amountPath.slice(0, -2)));
    updateSums(listPath);
    const posts = Array.isArray(getAt(listPath)) ? getAt(listPath) : [];
    updateTotals($(idFor(listPath)), field, posts, years(listPath.slice(0, -1)));
    ctx.edited();
  }

  function updatePostSum(field, post) {
    // a post's optional sum (i_alt) that the file already has is kept equal to its amounts
    if (isObject(post) && field.sumField && field.sumField in post) {
      post[field.sumField] = sum(Object.values(post[field.amountsField] || {}).filter(function (v) { return typeof v === "number"; }));
    }
  }

  function removeLastYear(parentPath) {
    const all = years(parentPath);
    if (!all.length) return;
    const last = all[all.length - 1];
    const holders = [];
    for (const list of moneyLists(parentPath)) {
      list.posts.forEach(function (post, i) {
        const amounts = isObject(post) ? post[list.field.amountsField] : null;
        if (isObject(amounts) && last in amounts) holders.push({ list: list, post: post, index: i });
      });
    }
    if (holders.length && !window.confirm("Fjern året " + last + " og " + holders.length + " beløb?")) return;
    for (const holder of holders) {
      const listPath = parentPath.concat([holder.list.field.key]);
      deleteAt(listPath.concat([holder.index, holder.list.field.amountsField, last]));
      updatePostSum(holder.list.field, holder.post);
      updateSums(listPath);
    }
    draft().extraYears = (draft().extraYears || []).filter(function (year) { return year !== last; });
    ctx.rerender(parentPath[0]);
    ctx.say("Året " + last + " er fjernet.");
    if (holders.length) ctx.edited(); else ctx.persist();
  }

  function updateSums(listPath) {
    // an optional sum group (e.g. budget_i_alt) that the file already has is kept equal to
    // the posts; which group sums which list, and its fields, come from the form model
    const parent = getAt(listPath.slice(0, -1));
    const listKey = listPath[listPath.length - 1];
    const group = ctx.model.elements.find(function (e) { return e.key === listPath[0]; });
    const table = ((group && group.fields) || []).find(function (f) { return f.key === listKey; });
    const sums = ((group && group.fields) || []).filter(function (f) { return f.kind === "sum" && f.sumOf === listKey; });
    if (!isObject(parent) || !table) return;
    const posts = Array.isArray(parent[listKey]) ? parent[listKey] : [];
    const values = {};
    for (const post of posts) {
      const amounts = isObject(post) && isObject(post[table.amountsField]) ? post[table.amountsField] : {};
      for (const [year, value] of Object.entries(amounts)) {
        if (typeof value === "number") (values[year] = values[year] || []).push(value);
      }
    }
    const perYear = {};
    for (const [year, list] of Object.entries(values)) perYear[year] = sum(list);
    const all = sum(Object.values(values).flat());
    for (const sumField of sums) {
      const target = parent[sumField.key];
      if (!isObject(target)) continue;
      if (sumField.amountsField && sumField.amountsField in target) target[sumField.amountsField] = perYear;
      target[sumField.sumField] = all;
    }
  }

  function addYear(parentPath) {
    const known = years(parentPath).map(Number);
    const next = known.length ? Math.max.apply(null, known) + 1 : new Date().getFullYear() + 1;
    draft().extraYears = (draft().extraYears || []).concat([String(next)]);
    ctx.persist();
    ctx.rerender(parentPath[0]);
    const input = document.querySelector('[id$=".' + next + '"]');
    if (input) input.focus();
    ctx.say("Året " + next + " er tilføjet.");
  }

  return { moneyTable: moneyTable };
}
