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
