/* dmsummary static site: interactive plots and catalogue filters.
 * No network access: the plot data is embedded in the page
 * (<script type="application/json" id="plot-data">) and plotly.js is bundled.
 * Text from the catalogue is only ever inserted with textContent or as
 * Plotly text that the generator has already HTML-escaped. */
(function () {
  "use strict";

  function readJSON(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function initPlot() {
    var spec = readJSON("plot-data");
    var gd = document.getElementById("plot");
    if (!spec || !gd) {
      return;
    }
    if (typeof Plotly === "undefined") {
      gd.textContent = "The interactive plot could not be drawn (assets/plotly.min.js missing).";
      return;
    }
    var name = gd.getAttribute("data-filename") || "figure";
    var config = {
      responsive: true,
      displaylogo: false,
      modeBarButtonsToRemove: ["select2d", "lasso2d"],
      toImageButtonOptions: { format: "png", filename: name, scale: 2 }
    };
    var axes = {
      x: spec.layout.xaxis.range ? spec.layout.xaxis.range.slice() : null,
      y: spec.layout.yaxis.range ? spec.layout.yaxis.range.slice() : null
    };
    Plotly.newPlot(gd, spec.data, spec.layout, config).then(function () {
      gd.setAttribute("data-ready", "true");
    });
    document.querySelectorAll("[data-download]").forEach(function (button) {
      button.addEventListener("click", function () {
        Plotly.downloadImage(gd, {
          format: button.getAttribute("data-download"),
          filename: name,
          width: gd.clientWidth,
          height: gd.clientHeight
        });
      });
    });
    document.querySelectorAll("[data-action=reset]").forEach(function (button) {
      button.addEventListener("click", function () {
        var update = {};
        if (axes.x) { update["xaxis.range"] = axes.x.slice(); } else { update["xaxis.autorange"] = true; }
        if (axes.y) { update["yaxis.range"] = axes.y.slice(); } else { update["yaxis.autorange"] = true; }
        Plotly.relayout(gd, update);
      });
    });
  }

  var FILTERS = ["f-search", "f-plane", "f-experiment", "f-status", "f-year-min", "f-year-max"];

  function initIndex() {
    var table = document.getElementById("entries");
    if (!table) {
      return;
    }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = document.getElementById("count");
    var controls = {};
    FILTERS.forEach(function (id) { controls[id] = document.getElementById(id); });

    function apply() {
      var words = controls["f-search"].value.toLowerCase().split(/\s+/).filter(Boolean);
      var plane = controls["f-plane"].value;
      var experiment = controls["f-experiment"].value;
      var status = controls["f-status"].value;
      var yearMin = controls["f-year-min"].value ? Number(controls["f-year-min"].value) : -Infinity;
      var yearMax = controls["f-year-max"].value ? Number(controls["f-year-max"].value) : Infinity;
      var shown = 0;
      rows.forEach(function (row) {
        var d = row.dataset;
        var year = Number(d.year);
        var ok = (!plane || d.plane === plane) &&
          (!experiment || d.experiment === experiment) &&
          (!status || d.status === status) &&
          year >= yearMin && year <= yearMax &&
          words.every(function (w) { return d.search.indexOf(w) !== -1; });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " entries";
      var state = new URLSearchParams();
      FILTERS.forEach(function (id) {
        if (controls[id].value) { state.set(id.slice(2), controls[id].value); }
      });
      var hash = state.toString();
      try {
        history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
      } catch (err) {
        /* some browsers refuse history changes on file:// pages; the filters still work */
      }
    }

    var initial = new URLSearchParams(location.hash.slice(1));
    FILTERS.forEach(function (id) {
      var value = initial.get(id.slice(2));
      if (value !== null) { controls[id].value = value; }
      controls[id].addEventListener("input", apply);
      controls[id].addEventListener("change", apply);
    });
    document.getElementById("filters").addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    if (location.hash && location.hash !== "#catalogue" && location.hash !== "#figures") {
      apply();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    initPlot();
    initIndex();
  });
}());
