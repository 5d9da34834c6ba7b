// The review page: a queue of extracted records to check, each beside the
// part of the page it was read from, with its fields editable.
//
// Every value from the server is put into the page as text (textContent,
// input values), never as HTML, so a cell that holds "<script>" shows as
// those characters. The page talks only to this server.
"use strict";

const LABELS = {
  "id": "ลำดับ (id)",
  "section": "หมวด (section)",
  "measure": "มาตรการ (measure)",
  "method": "ขั้นตอน/วิธีการ (method)",
  "owner": "ผู้รับผิดชอบ (owner)",
  "period.text": "ช่วงเวลา ตามที่พิมพ์ (period, as printed)",
  "period.start": "เริ่ม (start, YYYY-MM-DD)",
  "period.end": "สิ้นสุด (end, YYYY-MM-DD)",
  "output": "ผลผลิต (output)",
  "outcome": "ผลลัพธ์ (outcome)",
  "recommendation": "ข้อเสนอแนะ (recommendation)",
  "budget_baht": "งบประมาณ บาท (budget)",
};

const state = {
  queue: [],      // entries of GET /api/review/queue
  index: -1,      // position in queue of the record shown
  record: null,   // GET /api/review/record of that position
  docFilter: "",  // show one document's records only
  busy: false,
  saved: 0,       // corrections saved by this page
};

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (className) e.className = className;
  return e;
}

async function api(path, options) {
  const res = await fetch(path, options);
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = null;
  }
  if (!res.ok) {
    const message = body && body.error ? body.error : res.status + " " + res.statusText;
    const err = new Error(message);
    err.status = res.status;
    throw err;
  }
  return body;
}

function message(text, ok) {
  const m = $("message");
  m.textContent = text || "";
  m.className = ok ? "ok" : "";
}

// ---- documents and queue -------------------------------------------------

async function loadDocuments() {
  const data = await api("/api/review/documents");
  const body = $("documents").querySelector("tbody");
  body.replaceChildren();
  for (const d of data.documents) {
    const tr = el("tr");
    tr.dataset.doc = d.name;
    if (d.name === state.docFilter) tr.classList.add("selected");
    const name = el("td", d.path.split("/").pop());
    name.title = d.path + (d.organization ? "\n" + d.organization : "");
    tr.append(name);
    const status = el("td", d.status, "status-" + d.status);
    if (d.error) status.title = d.error;
    tr.append(status);
    tr.append(el("td", d.measures));
    tr.append(el("td", d.to_check + " / " + d.checked + " / " + d.corrected));
    tr.addEventListener("click", () => {
      state.docFilter = state.docFilter === d.name ? "" : d.name;
      reload();
    });
    body.append(tr);
  }
  $("filter-note").hidden = !state.docFilter;
}

function queueKey(e) {
  return e.document + "#" + e.record;
}

function renderQueue() {
  const list = $("queue");
  list.replaceChildren();
  state.queue.forEach((e, i) => {
    const li = el("li");
    li.dataset.doc = e.document;
    li.dataset.record = e.record;
    li.dataset.index = i;
    if (i === state.index) li.classList.add("active");
    if (e.mark === "checked") li.classList.add("checked");
    if (e.mark === "flagged") li.classList.add("flagged");
    if (e.corrected) li.classList.add("corrected");
    li.append(el("span", e.score.toFixed(2), "score"));
    li.append(el("span", (e.measure_id ? e.measure_id + " " : "") + e.measure));
    li.title = e.reasons.join("\n");
    li.addEventListener("click", () => show(i));
    list.append(li);
  });
  $("queue-empty").hidden = state.queue.length > 0;
}

async function loadQueue(keepKey) {
  const path = "/api/review/queue" +
      (state.docFilter ? "?doc=" + encodeURIComponent(state.docFilter) : "");
  const data = await api(path);
  state.queue = data.queue;
  let index = keepKey ? state.queue.findIndex((e) => queueKey(e) === keepKey) : -1;
  if (index < 0) index = state.queue.findIndex((e) => e.mark === "none");
  if (index < 0 && state.queue.length > 0) index = 0;
  state.index = index;
  renderQueue();
  if (index >= 0) {
    await show(index);
  } else {
    state.record = null;
    $("record-title").textContent = "ไม่มีรายการ (no records)";
    $("fields").replaceChildren();
  }
}

async function reload() {
  const key = state.index >= 0 && state.queue[state.index] ? queueKey(state.queue[state.index]) : "";
  await loadDocuments();
  await loadQueue(key);
}

// ---- one record ----------------------------------------------------------

function valueText(field, value) {
  if (value === null || value === undefined) return "";
  if (field.kind === "list") return value.join("\n");
  return String(value);
}

function renderRecord(rec) {
  $("record-title").textContent = (rec.measure_id ? rec.measure_id + " " : "") + rec.measure;
  const where = [rec.source.path];
  if (rec.provenance.page) where.push("หน้า (page) " + rec.provenance.page);
  if (rec.provenance.line) where.push("บรรทัด (line) " + rec.provenance.line);
  where.push("รายการ (record) " + (rec.record + 1) + "/" + rec.records_in_document);
  if (rec.mark !== "none") where.push(rec.mark === "checked" ? "✓ ตรวจแล้ว (checked)" : "⚑ ไว้ตรวจภายหลัง (flagged)");
  $("record-where").textContent = where.join(" · ");
  const reasons = $("reasons");
  reasons.replaceChildren();
  for (const r of rec.reasons) reasons.append(el("li", r));
  for (const w of rec.warnings) {
    if (!rec.reasons.includes("warning: " + w)) reasons.append(el("li", "warning: " + w));
  }

  const scan = $("scan");
  const img = $("crop");
  if (rec.has_image) {
    scan.classList.remove("no-image");
    img.hidden = false;
    img.alt = "ภาพหน้า " + rec.provenance.page + " ของรายการนี้ (page image)";
    img.src = "/api/review/image?doc=" + encodeURIComponent(rec.document) +
        "&record=" + rec.record;
    $("scan-caption").textContent = "หน้า (page) " + rec.provenance.page;
  } else {
    scan.classList.add("no-image");
    img.hidden = true;
    img.removeAttribute("src");
    $("scan-caption").textContent = "ไม่มีภาพหน้า — ไฟล์ข้อความ (no page image: a text export" +
        (rec.provenance.line ? ", line " + rec.provenance.line : "") + ")";
  }

  const form = $("fields");
  form.replaceChildren();
  for (const f of rec.fields) {
    const box = el("div", null, "field");
    box.dataset.field = f.name;
    if (f.to_check) box.classList.add("to-check");
    if (f.corrected) box.classList.add("corrected");
    const id = "field-" + f.name.replace(".", "-");
    const label = el("label", LABELS[f.name] || f.name);
    label.htmlFor = id;
    if (f.confidence !== null) label.append(el("span", "OCR " + f.confidence.toFixed(2), "conf"));
    box.append(label);
    let control;
    if (f.kind === "list") {
      control = el("textarea");
      control.rows = Math.max(2, (f.value ? f.value.length : 0) + 1);
    } else {
      control = el("input");
      control.type = "text";
      if (f.kind === "date") control.placeholder = "YYYY-MM-DD";
      if (f.kind === "money") control.inputMode = "numeric";
    }
    control.id = id;
    control.name = f.name;
    control.value = valueText(f, f.value);
    control.spellcheck = false;
    box.append(control);
    if (f.corrected) {
      box.append(el("div", "เดิม (extracted): " + (valueText(f, f.extracted) || "—"), "was"));
    }
    form.append(box);
  }
}

async function show(index) {
  if (index < 0 || index >= state.queue.length) return;
  const e = state.queue[index];
  state.index = index;
  for (const li of $("queue").children) {
    li.classList.toggle("active", Number(li.dataset.index) === index);
  }
  const active = $("queue").children[index];
  if (active) active.scrollIntoView({block: "nearest"});
  message("");
  const rec = await api("/api/review/record?doc=" + encodeURIComponent(e.document) +
      "&record=" + e.record);
  if (state.index !== index) return;  // moved on meanwhile
  state.record = rec;
  renderRecord(rec);
  document.body.dataset.shown = queueKey(e);
}

// The edits of the form as changes for POST /api/review/save.
function changes() {
  const out = [];
  if (!state.record) return out;
  for (const f of state.record.fields) {
    const control = $("fields").querySelector('[name="' + CSS.escape(f.name) + '"]');
    if (!control) continue;
    let now;
    if (f.kind === "list") {
      now = control.value.split("\n").map((s) => s.trim()).filter((s) => s !== "");
      if (JSON.stringify(now) === JSON.stringify(f.value || [])) continue;
    } else {
      const text = control.value.trim();
      now = text === "" ? null : text;
      const was = f.value === null ? null : String(f.value);
      if (now === was) continue;
    }
    out.push({field: f.name, old: f.value, new: now});
  }
  return out;
}

async function save(mark) {
  if (!state.record || state.busy) return false;
  state.busy = true;
  try {
    const edits = changes();
    const rec = await api("/api/review/save", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({document: state.record.document, record: state.record.record,
                            changes: edits, mark: mark}),
    });
    const e = state.queue[state.index];
    e.mark = rec.mark;
    e.corrected = rec.corrected;
    const li = $("queue").children[state.index];
    li.classList.toggle("checked", rec.mark === "checked");
    li.classList.toggle("flagged", rec.mark === "flagged");
    li.classList.toggle("corrected", rec.corrected);
    state.saved += edits.length;
    message(edits.length ? "บันทึกแล้ว (saved " + edits.length + " correction" +
        (edits.length > 1 ? "s" : "") + ")" : "ตรวจแล้ว (checked)", true);
    pollStatus();
    loadDocuments().catch(() => {});  // the counts changed
    return true;
  } catch (err) {
    message(err.message);
    if (err.status === 409) {
      const keep = queueKey(state.queue[state.index]);
      await loadQueue(keep);
      message(err.message);
    }
    return false;
  } finally {
    state.busy = false;
  }
}

async function next(step) {
  const target = state.index + step;
  if (target < 0 || target >= state.queue.length) {
    message(step > 0 ? "จบคิวแล้ว (end of the queue)" : "ต้นคิว (start of the queue)", true);
    return;
  }
  await show(target);
}

async function saveAndNext() {
  const ok = await save("checked");
  if (ok) await next(1);
}

async function flagAndNext() {
  const ok = await save("flagged");
  if (ok) await next(1);
}

// ---- status of the saved corrections --------------------------------------

let polling = false;
async function pollStatus() {
  if (polling) return;
  polling = true;
  try {
    for (;;) {
      const s = await api("/api/review/status");
      const done = !s.rebuilding;
      let text = s.corrections + " การแก้ไข (corrections) · ";
      text += done ? "measures.csv/jsonl ปรับแล้ว (outputs up to date)"
                   : "กำลังปรับ measures.csv/jsonl (updating outputs)…";
      if (s.error) text += " · " + s.error;
      $("status").textContent = text;
      document.body.dataset.rebuilt = done ? "yes" : "no";
      if (done) break;
      await new Promise((r) => setTimeout(r, 400));
    }
  } catch (err) {
    $("status").textContent = err.message;
  } finally {
    polling = false;
  }
}

// ---- keyboard ---------------------------------------------------------------

function inField(target) {
  return target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT");
}

document.addEventListener("keydown", (ev) => {
  const editing = inField(ev.target);
  if (ev.key === "Enter" && !ev.shiftKey && !ev.ctrlKey && !ev.metaKey) {
    ev.preventDefault();
    saveAndNext();
    return;
  }
  if (ev.key === "Escape" && editing) {
    ev.target.blur();
    return;
  }
  const move = !editing || ev.altKey;
  if (move && (ev.key === "ArrowDown" || ev.key === "ArrowRight")) {
    ev.preventDefault();
    next(1);
  } else if (move && (ev.key === "ArrowUp" || ev.key === "ArrowLeft")) {
    ev.preventDefault();
    next(-1);
  } else if (ev.code === "KeyF" && (!editing || ev.altKey) &&
             !ev.ctrlKey && !ev.metaKey) {
    // By key position, not character: with a Thai layout F types "ด".
    ev.preventDefault();
    flagAndNext();
  }
});

$("show-all").addEventListener("click", (ev) => {
  ev.preventDefault();
  state.docFilter = "";
  reload();
});

(async () => {
  try {
    await loadDocuments();
    await loadQueue("");
    await pollStatus();
    document.body.dataset.ready = "yes";
  } catch (err) {
    message(err.message);
  }
})();
