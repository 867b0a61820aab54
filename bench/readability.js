#!/usr/bin/env node
// The peer a user would otherwise pick for HTML: Mozilla Readability on jsdom.
// Usage: node bench/readability.js page.html [more.html ...] > articles.txt
// Prints each extracted title and text, as galley prints Markdown, so both do the
// whole job: parse, extract, serialise. Given many pages, one process reads them all,
// as a service built on Readability would. Exits 1 when a page has no article.
"use strict";
const fs = require("fs");
const { JSDOM } = require("jsdom");
const { Readability } = require("@mozilla/readability");

let failed = false;
for (const path of process.argv.slice(2)) {
  const html = fs.readFileSync(path, "utf8");
  const dom = new JSDOM(html, { url: "https://example.org/" });
  const article = new Readability(dom.window.document).parse();
  if (!article) {
    failed = true;
    continue;
  }
  process.stdout.write(`# ${article.title || ""}\n\n${article.textContent || ""}\n`);
}
process.exit(failed ? 1 : 0);
