// The review page in a real browser (Debian's Chromium, driven by
// playwright-core): a clerk opens the queue of a small batch (a 2-page
// scan and a text export), moves through it with the keyboard, corrects a
// field, flags a record for later and saves; the corrections file and the
// rebuilt measures.csv must then hold the correction.
//
// Run by run_review_test.sh, which makes the batch and starts the server:
//   RAINGAN_URL=http://127.0.0.1:PORT RAINGAN_DATA=OUT RAINGAN_ARTIFACTS=DIR
//   node review.test.mjs
import {chromium} from "playwright-core";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const base = process.env.RAINGAN_URL;
const data = process.env.RAINGAN_DATA;
const artifacts = process.env.RAINGAN_ARTIFACTS || os.tmpdir();
assert.ok(base && data, "RAINGAN_URL and RAINGAN_DATA must be set");

// RFC 4180 as measures.csv writes it (quoted cells with doubled quotes,
// line breaks inside quotes).
function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\r") {}
    else if (c === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

async function waitFor(what, check, seconds = 20) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error("timed out waiting for " + what);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "raingan-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
  viewport: {width: 1500, height: 1000},
});
let failed = false;
try {
  const page = browser.pages()[0] || await browser.newPage();
  const dialogs = [];
  page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  const foreign = [];
  page.on("request", (r) => { if (!r.url().startsWith(base)) foreign.push(r.url()); });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));

  await page.goto(base + "/review");
  await page.waitForSelector("body[data-ready=yes]");

  // The documents of the batch, with their status.
  const docs = await page.$$eval("#documents tbody tr", (rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent)));
  assert.equal(docs.length, 2);
  assert.ok(docs.every((d) => d[1] === "ok"), JSON.stringify(docs));

  // The queue, worst first: the scan's records (OCR confidence below the
  // server's --review-below) come before the text export's.
  const queue = await page.$$eval("#queue li", (items) =>
      items.map((li) => ({doc: li.dataset.doc, record: Number(li.dataset.record),
                          score: Number(li.querySelector(".score").textContent)})));
  assert.ok(queue.length >= 4, "queue: " + JSON.stringify(queue));
  for (let i = 1; i < queue.length; i++) assert.ok(queue[i - 1].score <= queue[i].score);
  assert.match(queue[0].doc, /scan\.pdf/);
  const shown = () => page.getAttribute("body", "data-shown");
  assert.equal(await shown(), queue[0].doc + "#" + queue[0].record);

  // The crop of the scan beside the fields, rendered from the source.
  await page.waitForFunction(() => {
    const img = document.getElementById("crop");
    return img.complete && img.naturalWidth > 50;
  });
  const crop = await page.$eval("#crop", (img) => [img.naturalWidth, img.naturalHeight]);
  assert.ok(crop[0] > 100 && crop[1] > 50, "crop " + crop);
  await page.screenshot({path: path.join(artifacts, "review-scan.png")});

  // Thai text in a Thai font served by the server itself.
  await page.evaluate(() => document.fonts.ready);
  const fonts = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family));
  assert.ok(fonts.some((f) => f.includes("Laksaman")), "fonts: " + fonts);
  assert.ok(fonts.some((f) => f.includes("Garuda")), "fonts: " + fonts);

  // Arrows move through the queue.
  await page.keyboard.press("ArrowDown");
  await waitFor("the second record", async () => (await shown()) === queue[1].doc + "#" + queue[1].record);
  await page.keyboard.press("ArrowUp");
  await waitFor("the first record", async () => (await shown()) === queue[0].doc + "#" + queue[0].record);

  // F flags the first record for later and moves on.
  await page.keyboard.press("f");
  await waitFor("the flag", async () =>
      (await page.$eval("#queue li:nth-child(1)", (li) => li.className)).includes("flagged"));
  await waitFor("the next record", async () => (await shown()) === queue[1].doc + "#" + queue[1].record);

  // Correct the owner of the second record and press Enter: saved, next.
  const second = queue[1];
  const ownerBefore = await page.inputValue('[name="owner"]');
  const corrected = "กองคลัง (แก้ไขโดยผู้ตรวจ)";
  await page.click('[name="owner"]');
  await page.keyboard.press("Control+A");
  await page.keyboard.type(corrected);
  await page.keyboard.press("Enter");
  await waitFor("the third record", async () => (await shown()) === queue[2].doc + "#" + queue[2].record);
  const item = await page.$eval("#queue li:nth-child(2)", (li) => li.className);
  assert.ok(item.includes("checked") && item.includes("corrected"), item);

  // Walk to the text export's records: a cell holding "<script>" shows as
  // those characters and runs nothing.
  let scriptRecord = null;
  for (let i = 2; i < queue.length; i++) {
    const measure = await page.inputValue('[name="measure"]');
    if (measure.includes("<script>")) { scriptRecord = measure; break; }
    await page.keyboard.press("ArrowDown");
    await waitFor("record " + (i + 1), async () => (await shown()) === queue[i + 1]?.doc + "#" + queue[i + 1]?.record);
  }
  assert.ok(scriptRecord && scriptRecord.includes("<script>alert(1)</script>"), "no <script> record");
  const title = await page.textContent("#record-title");
  assert.ok(title.includes("<script>alert(1)</script>"), title);
  assert.equal(await page.$$eval("script", (s) => s.length), 1);
  assert.deepEqual(dialogs, []);
  const noImage = await page.textContent("#scan-caption");
  assert.match(noImage, /text export/);

  await page.screenshot({path: path.join(artifacts, "review-text.png")});

  // The corrections file holds the change, with the value it replaced.
  const lines = fs.readFileSync(path.join(data, "corrections.jsonl"), "utf8")
      .split("\n").filter((l) => l).map((l) => JSON.parse(l));
  assert.equal(lines.length, 1, JSON.stringify(lines));
  const c = lines[0];
  assert.equal(c.document, second.doc);
  assert.equal(c.record, second.record);
  assert.equal(c.field, "owner");
  assert.deepEqual(c.old, ownerBefore.split("\n").filter((s) => s.trim()));
  assert.deepEqual(c.new, [corrected]);

  // The merged CSV is rebuilt with the correction applied and marked; the
  // document's own JSON keeps what was extracted.
  await waitFor("the rebuilt outputs", async () =>
      (await page.getAttribute("body", "data-rebuilt")) === "yes");
  const rows = parseCsv(fs.readFileSync(path.join(data, "measures.csv"), "utf8"));
  const changed = rows.filter((r) => r.corrected === "owner");
  assert.equal(changed.length, 1, JSON.stringify(rows.map((r) => r.corrected)));
  assert.equal(changed[0].owner, corrected);
  const jsonl = fs.readFileSync(path.join(data, "measures.jsonl"), "utf8")
      .split("\n").filter((l) => l).map((l) => JSON.parse(l));
  const marked = jsonl.filter((l) => l.corrected.length > 0);
  assert.equal(marked.length, 1);
  assert.deepEqual(marked[0].corrected, ["owner"]);
  assert.deepEqual(marked[0].measure.owner, [corrected]);

  assert.deepEqual(foreign, [], "requests to other hosts");
  assert.deepEqual(pageErrors, []);
  console.log("review page: " + queue.length + " records in the queue; screenshots " +
      path.join(artifacts, "review-scan.png") + ", review-text.png");
} catch (err) {
  failed = true;
  console.error(err);
  try {
    const page = browser.pages()[0];
    if (page) await page.screenshot({path: path.join(artifacts, "review-failed.png"), fullPage: true});
  } catch (e) {}
} finally {
  await browser.close();
  fs.rmSync(profile, {recursive: true, force: true});
}
process.exit(failed ? 1 : 0);
