/*
 * svs-dagsorden.js: the facilitator's agenda and meeting sheet (selvevaluering-samling.js).
 *
 * The agenda lists the parameters in the order Python gives them (kbtools.browser.facilitator:
 * the widest spread first), marks a split from the lowest level to the highest, shows each
 * participant's level and reason next to each other and has room for the group's decision
 * (level and reason) per parameter. The meeting sheet is the same agenda on one printed page,
 * drawn in a frame of its own. Text only (textContent), never HTML.
 */
(function () {
  "use strict";

  function element(doc, tag, text, className) {
    const node = doc.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function counts(overview, row) {
    return overview.levelNames.map(function (name, i) { return row.counts[i] + " i " + name.toLowerCase(); })
      .filter(function (text) { return !/^0 /.test(text); }).join(", ");
  }

  function mark(doc, row) {
    if (row.fullSpan) return element(doc, "strong", "Stærk uenighed: fra kantinen til kompagniet", "svs-maerke svs-staerk");
    if (row.systemsDiffer) return element(doc, "strong", "Systemerne er uenige", "svs-maerke");
    return null;
  }

  function reasons(doc, row) {
    const list = element(doc, "ul", null, "svs-begrundelser");
    for (const reason of row.reasons) {
      const item = element(doc, "li");
      item.appendChild(element(doc, "strong", reason.name + " (" + reason.system + "): " + reason.level + "."));
      item.appendChild(doc.createTextNode(" " + (reason.reason || "Ingen begrundelse.")));
      list.appendChild(item);
    }
    return list;
  }

  /** The agenda in ``holder``; ``decisions`` (parameter id → {level, reason}) fills the
   * decision fields, and ``changed`` is called with the parameter id when one is changed. */
  function show(holder, overview, decisions, changed) {
    const doc = holder.ownerDocument;
    holder.replaceChildren();
    holder.appendChild(element(doc, "p", "Parametrene står i den rækkefølge, I bør tage dem: dem, hvor bedømmelserne ligger "
      + "længst fra hinanden, først. " + overview.rule));
    overview.parameters.forEach(function (row, index) {
      const section = element(doc, "section", null, "svs-punkt" + (row.discuss ? " svs-droeftes" : ""));
      section.id = "svs-punkt-" + row.id;
      const heading = element(doc, "h4", (index + 1) + ". " + row.name + " ");
      const sign = mark(doc, row);
      if (sign) heading.appendChild(sign);
      section.appendChild(heading);
      section.appendChild(element(doc, "p", "Gruppens forslag: " + row.level + ". Bedømmelser: " + counts(overview, row)
        + ". Systemernes median: " + row.systems + "."));
      if (row.why) section.appendChild(element(doc, "p", "Drøft den: " + row.why));
      section.appendChild(reasons(doc, row));
      const decision = decisions[row.id] || {};
      const fields = element(doc, "fieldset", null, "svs-beslutning");
      fields.appendChild(element(doc, "legend", "Gruppens beslutning om " + row.name));
      const levelId = "svs-b-niveau-" + row.id;
      const label = element(doc, "label", "Niveau");
      label.htmlFor = levelId;
      const select = element(doc, "select");
      select.id = levelId;
      overview.levelIds.forEach(function (id, i) {
        const option = element(doc, "option", overview.levelNames[i] + (id === row.levelId ? " (gruppens forslag)" : ""));
        option.value = id;
        select.appendChild(option);
      });
      select.value = decision.level || row.levelId;
      const reasonId = "svs-b-begrundelse-" + row.id;
      const reasonLabel = element(doc, "label", "Gruppens begrundelse");
      reasonLabel.htmlFor = reasonId;
      const text = element(doc, "textarea");
      text.id = reasonId;
      text.rows = 2;
      text.value = decision.reason || "";
      const note = function () {
        decisions[row.id] = { level: select.value, reason: text.value };
        changed(row.id);
      };
      select.addEventListener("change", note);
      text.addEventListener("input", note);
      for (const node of [element(doc, "p", null, "sv-felt"), element(doc, "p", null, "sv-felt")]) fields.appendChild(node);
      fields.children[1].append(label, " ", select);
      fields.children[2].append(reasonLabel, text);
      section.appendChild(fields);
      holder.appendChild(section);
    });
  }

  /** The meeting sheet: a title, the rule and the agenda with its decisions, in the frame's
   * document, styled to fit one page. */
  function sheet(frameDoc, title, overview, decisions) {
    frameDoc.open();
    frameDoc.write("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title></title></head><body></body></html>");
    frameDoc.close();
    frameDoc.title = title;
    const style = element(frameDoc, "style", "@page { size: A4; margin: 1cm; } body { font: 8.5pt/1.25 sans-serif; margin: 0; }"
      + " h1 { font-size: 12pt; margin: 0 0 .15cm; } h2 { font-size: 9.5pt; margin: .2cm 0 .05cm; } p, ul { margin: 0 0 .05cm; }"
      + " ul { padding-left: .4cm; } .svs-staerk { border: 1px solid #000; padding: 0 .1cm; margin-left: .15cm; }"
      + " .svs-linje { border-bottom: 1px solid #000; min-height: .45cm; } section { break-inside: avoid; }");
    frameDoc.head.appendChild(style);
    frameDoc.body.appendChild(element(frameDoc, "h1", title));
    frameDoc.body.appendChild(element(frameDoc, "p", overview.rule));
    overview.parameters.forEach(function (row, index) {
      const section = element(frameDoc, "section");
      const heading = element(frameDoc, "h2", (index + 1) + ". " + row.name + " – forslag: " + row.level);
      const sign = mark(frameDoc, row);
      if (sign) heading.appendChild(sign);
      section.appendChild(heading);
      section.appendChild(element(frameDoc, "p", counts(overview, row) + ". Systemerne: " + row.systems + "."));
      const said = row.reasons.filter(function (r) { return r.reason; });
      if (said.length) {
        const list = element(frameDoc, "ul");
        for (const r of said) list.appendChild(element(frameDoc, "li", r.name + " (" + r.level + "): " + r.reason));
        section.appendChild(list);
      }
      const decision = decisions[row.id] || {};
      const chosen = overview.levelNames[overview.levelIds.indexOf(decision.level || row.levelId)];
      section.appendChild(element(frameDoc, "p", "Beslutning: " + chosen + (decision.reason ? ". " + decision.reason : ""), "svs-linje"));
      frameDoc.body.appendChild(section);
    });
  }

  window.kbAgenda = { show: show, sheet: sheet };
})();
