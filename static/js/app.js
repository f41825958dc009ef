// Small behaviours for staff pages. No inline scripts: everything is wired by data attributes.
(function () {
  "use strict";

  // Unit picker: a result button fills the hidden input of its field and shows the choice.
  document.addEventListener("click", function (event) {
    var option = event.target.closest("[data-pick-field]");
    if (!option) return;
    var field = option.getAttribute("data-pick-field");
    var form = option.closest("form");
    var input = form && form.querySelector('input[type="hidden"][name="' + field + '"]');
    if (!input) return;
    input.value = option.getAttribute("data-pick-id");
    var current = document.getElementById("picker-" + field + "-current");
    if (current) current.textContent = option.getAttribute("data-pick-label");
    var results = document.getElementById("picker-" + field + "-results");
    if (results) results.innerHTML = "";
    var search = document.getElementById("picker-" + field);
    if (search) { search.value = ""; search.focus(); }
  });

  // Forms that destroy something ask first (data-confirm holds the question).
  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Keep double clicks from sending a form twice.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.submitted === "1") { event.preventDefault(); return; }
    form.dataset.submitted = "1";
    window.setTimeout(function () { form.dataset.submitted = ""; }, 4000);
  });

  // On a narrow screen the main menu (up to 18 entries) folds behind one button.
  var nav = document.querySelector(".mainnav");
  var toggle = nav && nav.querySelector(".mainnav__toggle");
  if (toggle) {
    var narrow = window.matchMedia("(max-width: 720px)");
    var fold = function () {
      nav.classList.toggle("is-foldable", narrow.matches);
      toggle.hidden = !narrow.matches;
      if (!narrow.matches) { nav.classList.remove("is-open"); toggle.setAttribute("aria-expanded", "false"); }
    };
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    narrow.addEventListener("change", fold);
    fold();
  }

  // A print button (data-print) prints the page; without this script it stays hidden.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();

// Enter in a picker's search box searches; it must not submit the surrounding form.
document.addEventListener("keydown", function (event) {
  if (event.key === "Enter" && event.target.closest && event.target.closest(".picker")) {
    event.preventDefault();
  }
});
