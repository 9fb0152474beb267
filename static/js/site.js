// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary so screen readers announce it first.
  var summary = document.querySelector("[data-focus]");
  if (summary) { summary.focus(); }

  // Share the link: the system share sheet where the browser has one (phones, mostly),
  // the Copy button elsewhere or when sharing fails. Without this script the link is in
  // its field, ready to select.
  var copy = document.querySelector("[data-copy]");
  if (!copy) { return; }
  var field = document.getElementById(copy.getAttribute("data-copy"));
  var share = document.querySelector("[data-share]");
  var status = document.querySelector(".copy-status");
  // The words, in the page's language, from the script element (templates/base.html).
  var words = document.querySelector("script[data-copied]");
  function said(name, english) {
    return (words && words.getAttribute("data-" + name)) || english;
  }

  function offerCopy() {
    if (navigator.clipboard) { copy.hidden = false; }
  }

  copy.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(function () {
      status.textContent = said("copied", "Link copied.");
    }, function () {
      field.select();
      status.textContent = said("copy-keys",
        "Press Ctrl+C (or \u2318+C) to copy the selected link.");
    });
  });

  if (!share || typeof navigator.share !== "function") { offerCopy(); return; }
  share.hidden = false;
  share.addEventListener("click", function () {
    navigator.share({ title: document.title, url: field.value }).then(function () {
      status.textContent = "";
    }, function (error) {
      if (error && error.name === "AbortError") { return; }  // the saver closed the sheet
      share.hidden = true;
      offerCopy();
      if (copy.hidden) { field.focus(); field.select(); } else { copy.focus(); }
      status.textContent = said("share-failed",
        "This browser could not share the link: copy it instead.");
    });
  });
})();

// A worksheet worked out: the form is sent to "#result", so the browser opens the page at
// the result; focus moves to its heading too, so a screen reader says it.
(function () {
  "use strict";
  var heading = document.querySelector("[data-result]");
  if (heading && window.location.hash === "#result") { heading.focus(); }
})();

// "Is this page useful?": sent without leaving the page. Without this script the
// same forms post normally and the server answers with pages of its own.
(function () {
  "use strict";
  var box = document.querySelector("[data-feedback]");
  if (!box || !window.fetch || !window.FormData || !window.URLSearchParams) { return; }
  var vote = box.querySelector(".feedback-vote");
  var more = box.querySelector(".feedback-more");
  var status = box.querySelector(".feedback-status");

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("feedback-error", !!isError);
  }

  function send(form, extra) {
    var data = new URLSearchParams(new FormData(form));
    Object.keys(extra).forEach(function (key) { data.append(key, extra[key]); });
    return fetch(form.action, {
      method: "POST",
      body: data,
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    });
  }

  // On a network failure, fall back to the plain form post.
  function fallback(form, extra) {
    Object.keys(extra).forEach(function (key) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = key;
      input.value = extra[key];
      form.appendChild(input);
    });
    form.submit();
  }

  // One random key for this vote, sent again with every retry of it (after a 502 whose
  // vote was stored, say): the server stores a vote once per key. A new page, a new key.
  function requestKey() {
    var field = vote.querySelector("[name=request_key]");
    if (field && !field.value && window.crypto && window.crypto.getRandomValues) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      field.value = Array.prototype.map.call(bytes, function (b) {
        return ("0" + b.toString(16)).slice(-2);
      }).join("");
    }
  }

  vote.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !button.name) { return; }
    requestKey();
    event.preventDefault();
    var extra = {};
    extra[button.name] = button.value;
    send(vote, extra).then(function (result) {
      say(result.body.message || "", !result.ok);
      if (!result.ok) { return; }
      vote.hidden = true;
      if (result.body.token) {
        more.querySelector("[name=token]").value = result.body.token;
        more.hidden = false;
        more.querySelector("textarea").focus();
      } else {
        status.focus();
      }
    }, function () { fallback(vote, extra); });
  });

  more.addEventListener("submit", function (event) {
    event.preventDefault();
    send(more, {}).then(function (result) {
      say(result.body.message || "", !result.ok);
      if (result.ok) {
        more.hidden = true;
        status.focus();
      }
    }, function () { fallback(more, {}); });
  });
})();

// "Print or save this answer": a real button only where the script can print; without
// it the page says how to use the browser's own Print command instead.
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  if (!button || typeof window.print !== "function") { return; }
  var hint = document.querySelector("[data-print-hint]");
  button.hidden = false;
  if (hint) { hint.hidden = true; }
  button.addEventListener("click", function () { window.print(); });
})();

// Closed "More about..." sections print open, whichever way printing starts.
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details.more"), function (d) {
      return !d.open;
    });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

// "Back to your answer" on the tables and glossary pages, when the visitor came from one.
(function () {
  "use strict";
  var link = document.querySelector("[data-back-to-answer]");
  if (!link || !document.referrer) { return; }
  var from;
  try { from = new URL(document.referrer); } catch (e) { return; }
  var results = link.getAttribute("data-back-to-answer");
  if (from.origin !== window.location.origin || from.pathname !== results) { return; }
  link.href = from.pathname + from.search;
  link.parentNode.hidden = false;
})();
