// Warn before the session (and the answers in it) expire, and offer more time (WCAG 2.2.1).
// Progressive enhancement only: without JavaScript the footer says how long answers are kept.
(function () {
  "use strict";
  var body = document.body;
  var seconds = parseInt(body.getAttribute("data-session-seconds"), 10) || 1800;
  var lifetime = seconds * 1000;
  var warnBefore = Math.min(5 * 60 * 1000, lifetime / 2);
  var warning = document.getElementById("session-warning");
  var extend = document.getElementById("session-extend");
  var warnTimer, endTimer;

  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(function () {
      warning.hidden = false;
      warning.setAttribute("role", "alert");
      extend.focus();
    }, lifetime - warnBefore);
    endTimer = setTimeout(function () {
      window.location.assign(body.getAttribute("data-ended-url"));
    }, lifetime);
  }

  if (warning && extend) {
    extend.addEventListener("click", function () {
      fetch(body.getAttribute("data-extend-url"), { credentials: "same-origin" }).then(function () {
        warning.hidden = true;
        warning.removeAttribute("role");
        schedule();
      });
    });
    schedule();
  }

  // Move focus to the error summary so screen readers announce it first.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }

  // A printed result names the client typed into the preparer's form (never sent or kept).
  var client = document.getElementById("print-client");
  var clientField = document.querySelector(".preparer [name=client]");
  if (client && clientField) {
    window.addEventListener("beforeprint", function () {
      var name = clientField.value.trim();
      client.textContent = name ? client.getAttribute("data-label") + ": " + name : "";
    });
  }

  // Print button: shown only when scripts run (the PDF link works for everyone).
  var print = document.getElementById("print-page");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () {
      window.print();
    });
  }
})();
