/* Charts of the supervisor's dashboard (Chart.js, served from this app's static files).
   They fit any number of units: the bar chart is one row per unit (its box is sized to the list
   by the template, no label skipped), the doughnut keeps its whole circle in a fixed box with the
   legend below, and the trend chart's legend is an HTML list outside the canvas whose entries
   show or hide a unit's line. Each chart has its data as a table beside it for reading. */
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var unit = data.is_rate ? "%" : "";
  Chart.defaults.font.family = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  Chart.defaults.maintainAspectRatio = false;  // each canvas fills the box the template sized
  var palette = ["#9f1c1c", "#0b57d0", "#1a7f37", "#b35900", "#6f42c1", "#59636e", "#d4a72c", "#0a7ea4"];
  var dashes = [[], [6, 3], [2, 2], [10, 3, 2, 3]];

  var bars = data.distribution;
  new Chart(document.getElementById("chart-distribution"), {
    type: "bar",
    data: {
      labels: bars.map(function (b) { return b.unit; }),
      datasets: [{ label: data.indicator, data: bars.map(function (b) { return b.value; }), backgroundColor: "#9f1c1c" }]
    },
    options: {
      indexAxis: "y",
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: function (ctx) { return bars[ctx.dataIndex].shown; } } }
      },
      scales: {
        x: { beginAtZero: true, ticks: { callback: function (v) { return v + unit; } } },
        y: { ticks: { autoSkip: false } }
      }
    }
  });

  new Chart(document.getElementById("chart-mix"), {
    type: "doughnut",
    data: {
      labels: data.mix.map(function (m) { return m[0]; }),
      datasets: [{ data: data.mix.map(function (m) { return m[1]; }), backgroundColor: palette }]
    },
    options: { plugins: { legend: { position: "bottom" } } }
  });

  var years = {};
  Object.keys(data.trends).forEach(function (name) {
    data.trends[name].forEach(function (point) { years[point[0]] = true; });
  });
  var labels = Object.keys(years).sort();
  var trends = new Chart(document.getElementById("chart-trends"), {
    type: "line",
    data: {
      labels: labels.map(function (y) { return y + "年"; }),
      datasets: Object.keys(data.trends).map(function (name, i) {
        var byYear = {};
        data.trends[name].forEach(function (p) { byYear[p[0]] = p[1] === null ? null : (data.is_rate ? p[1] * 100 : p[1]); });
        var colour = palette[i % palette.length];
        return { label: name, data: labels.map(function (y) { return byYear[y] === undefined ? null : byYear[y]; }),
                 borderColor: colour, backgroundColor: colour,
                 borderDash: dashes[Math.floor(i / palette.length) % dashes.length], spanGaps: true };
      })
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return v + unit; } } } }
    }
  });

  var legend = document.getElementById("legend-trends");
  trends.data.datasets.forEach(function (set, i) {
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.setAttribute("aria-pressed", "true");
    var swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.borderColor = set.borderColor;
    swatch.style.borderStyle = set.borderDash.length ? "dashed" : "solid";
    button.appendChild(swatch);
    button.appendChild(document.createTextNode(set.label));
    button.addEventListener("click", function () {
      var shown = trends.isDatasetVisible(i);
      trends.setDatasetVisibility(i, !shown);
      button.setAttribute("aria-pressed", shown ? "false" : "true");
      trends.update();
    });
    item.appendChild(button);
    legend.appendChild(item);
  });
})();
