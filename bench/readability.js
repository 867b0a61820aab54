#!/usr/bin/env node
// The peer a user would otherwise pick for HTML: Mozilla Readability on jsdom.
// Usage: node bench/readability.js page.html > article.txt
// Prints the extracted title and text, as galley prints Markdown, so both do the
// whole job: parse, extract, serialise.
"use strict";
const fs = require("fs");
const { JSDOM } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const html = fs.readFileSync(process.argv[2], "utf8");
const dom = new JSDOM(html, { url: "https://example.org/" });
const article = new Readability(dom.window.document).parse();
if (!article) process.exit(1);
process.stdout.write(`# ${article.title || ""}\n\n${article.textContent || ""}\n`);
