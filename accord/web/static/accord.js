// Draws the plotly figures the server prepared (data-figure holds the figure as JSON).
(function () {
  "use strict";
  function draw() {
    if (typeof Plotly === "undefined") { return; }
    document.querySelectorAll("[data-figure]").forEach(function (el) {
      var figure = JSON.parse(el.getAttribute("data-figure"));
      if (!figure.data || figure.data.length === 0) {
        el.classList.add("empty");
        el.textContent = el.getAttribute("data-empty") || "—";
        return;
      }
      Plotly.newPlot(el, figure.data, figure.layout, {displayModeBar: false, responsive: true}).then(function () {
        el.setAttribute("data-drawn", "1");
      });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
// Filter forms leave out empty fields, so a filtered page's URL is short enough to share.
document.querySelectorAll("form.filters[method=get]").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("input, select").forEach(function (field) {
      if (field.name && field.value === "") { field.disabled = true; }
    });
  });
});
// Choosing a roadmap or a currency applies it at once (no inline handlers: the CSP allows none).
document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
  select.addEventListener("change", function () { select.form.submit(); });
});
