/* Kairan article pages, on top of pages that work without it: the table of contents opens beside
   the article on wide screens and marks the heading being read (aria-current="true"); code blocks
   get a copy button and heading links copy their address (Clipboard API, secure pages only);
   はい / いいえ of the feedback say thank you (the link still opens feedback_url, in a new tab).
   Plain JavaScript, no dependencies, no absolute paths; each part does nothing when its
   elements are missing. Loaded with `defer` by the article template only. */
(function () {
  "use strict";
  var doc = document;

  function each(list, action) { Array.prototype.forEach.call(list, action); }

  /* One polite live region for short confirmations (present before it speaks, so it is heard). */
  var live = null;
  function announce(text) {
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 30);
  }

  function canCopy() {
    return !!(window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText);
  }

  /* The table of contents: open where the theme pins it (wide screens), the current heading marked. */
  function tableOfContents() {
    var toc = doc.querySelector(".article-toc");
    if (!toc) return;
    var toggle = toc.querySelector("details");
    var entries = [];
    each(toc.querySelectorAll('a[href^="#"]'), function (link) {
      var id = link.getAttribute("href").slice(1);
      try { id = decodeURIComponent(id); } catch (error) { /* an id with a bare %: as written */ }
      var heading = doc.getElementById(id);
      if (heading) entries.push({ link: link, heading: heading });
    });
    var summary = toggle ? toggle.querySelector("summary") : null;
    var pinned = null;
    function layout() {
      var now = window.getComputedStyle(toc).position === "sticky";
      if (now !== pinned && toggle) {
        toggle.open = now;
        // Pinned open, the toggle is a title: no tab stop.
        if (summary) summary.tabIndex = now ? -1 : 0;
      }
      pinned = now;
    }
    layout();
    window.addEventListener("resize", layout);
    if (!entries.length) return;

    var current = null;
    function keepInView(link) {
      if (toc.scrollHeight <= toc.clientHeight) return;
      var box = toc.getBoundingClientRect(), item = link.getBoundingClientRect();
      if (item.top < box.top) toc.scrollTop -= box.top - item.top + 16;
      else if (item.bottom > box.bottom) toc.scrollTop += item.bottom - box.bottom + 16;
    }
    function mark(entry) {
      if (entry === current) return;
      if (current) current.link.removeAttribute("aria-current");
      current = entry;
      if (entry) {
        entry.link.setAttribute("aria-current", "true");
        if (pinned) keepInView(entry.link);
      }
    }
    var waiting = false;
    function update() {
      waiting = false;
      // The heading being read: the last one above the reading line (a fifth down the window);
      // at the end of the page, the last one.
      var line = Math.min(window.innerHeight * 0.2, 160);
      var found = null;
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].heading.getBoundingClientRect().top <= line) found = entries[i];
        else break;
      }
      var root = doc.documentElement;
      if (found && window.innerHeight + window.scrollY >= root.scrollHeight - 2) found = entries[entries.length - 1];
      mark(found);
    }
    function schedule() {
      if (waiting) return;
      waiting = true;
      window.requestAnimationFrame(update);
    }
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    window.addEventListener("hashchange", schedule);
    update();
  }

  /* A copy button on every code block of the article. */
  function copyButtons() {
    if (!canCopy()) return;
    each(doc.querySelectorAll(".article .content pre"), function (pre) {
      if (!pre.parentNode || pre.parentNode.classList.contains("code-block")) return;
      var block = doc.createElement("div");
      block.className = "code-block";
      pre.parentNode.insertBefore(block, pre);
      block.appendChild(pre);
      var button = doc.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = "コピー";
      button.setAttribute("aria-label", "コードをコピー");
      block.appendChild(button);
      var timer = 0;
      function show(text) {
        button.textContent = text;
        announce(text);
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { button.textContent = "コピー"; }, 2000);
      }
      button.addEventListener("click", function () {
        var code = pre.querySelector("code") || pre;
        navigator.clipboard.writeText(code.textContent.replace(/\n$/, "")).then(
          function () { show("コピーしました"); },
          function () { show("コピーできませんでした"); });
      });
    });
  }

  /* A heading's # link goes to the heading as before, and copies the address too. */
  function headingLinks() {
    if (!canCopy()) return;
    each(doc.querySelectorAll(".article .content .anchor"), function (anchor) {
      anchor.addEventListener("click", function () {
        navigator.clipboard.writeText(anchor.href).then(
          function () { announce("見出しへのリンクをコピーしました"); },
          function () { /* the link still works: nothing to say */ });
      });
    });
  }

  /* はい / いいえ: the link opens feedback_url (its own tab); the article says thank you. */
  function feedback() {
    var box = doc.querySelector(".feedback");
    if (!box) return;
    var answers = box.querySelectorAll("a[data-feedback]");
    if (!answers.length) return;
    var thanks = doc.createElement("p");
    thanks.className = "feedback-thanks";
    thanks.setAttribute("role", "status");
    var row = answers[0].parentNode;
    row.parentNode.insertBefore(thanks, row.nextSibling);
    each(answers, function (answer) {
      answer.addEventListener("click", function () {
        thanks.textContent = answer.getAttribute("data-feedback") === "no"
          ? "ご回答ありがとうございました。開いたフォームで、分かりにくかった点をお聞かせいただけると助かります。"
          : "ご回答ありがとうございました。";
      });
    });
  }

  function start() {
    live = doc.createElement("p");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");
    doc.body.appendChild(live);
    [tableOfContents, copyButtons, headingLinks, feedback].forEach(function (part) {
      try { part(); } catch (error) { /* one part failing leaves the others and the page as they are */ }
    });
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
  else start();
})();
