// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary so screen readers announce it first.
  var summary = document.querySelector("[data-focus]");
  if (summary) { summary.focus(); }

  // Copy the share link.
  var button = document.querySelector("[data-copy]");
  if (!button || !navigator.clipboard) { return; }
  var field = document.getElementById(button.getAttribute("data-copy"));
  var status = document.querySelector(".copy-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(function () {
      status.textContent = "Link copied.";
    }, function () {
      field.select();
      status.textContent = "Press Ctrl+C (or \u2318+C) to copy the selected link.";
    });
  });
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

  vote.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !button.name) { return; }
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
