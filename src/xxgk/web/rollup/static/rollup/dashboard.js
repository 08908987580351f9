/* Charts of the supervisor's dashboard (Chart.js, served from this app's static files). */
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var unit = data.is_rate ? "%" : "";
  Chart.defaults.font.family = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var palette = ["#9f1c1c", "#0b57d0", "#1a7f37", "#b35900", "#6f42c1", "#59636e", "#d4a72c", "#0a7ea4"];

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
      scales: { x: { beginAtZero: true, ticks: { callback: function (v) { return v + unit; } } } }
    }
  });

  new Chart(document.getElementById("chart-mix"), {
    type: "doughnut",
    data: {
      labels: data.mix.map(function (m) { return m[0]; }),
      datasets: [{ data: data.mix.map(function (m) { return m[1]; }), backgroundColor: palette }]
    },
    options: { plugins: { legend: { position: "right" } } }
  });

  var years = {};
  Object.keys(data.trends).forEach(function (name) {
    data.trends[name].forEach(function (point) { years[point[0]] = true; });
  });
  var labels = Object.keys(years).sort();
  new Chart(document.getElementById("chart-trends"), {
    type: "line",
    data: {
      labels: labels.map(function (y) { return y + "年"; }),
      datasets: Object.keys(data.trends).map(function (name, i) {
        var byYear = {};
        data.trends[name].forEach(function (p) { byYear[p[0]] = p[1] === null ? null : (data.is_rate ? p[1] * 100 : p[1]); });
        return { label: name, data: labels.map(function (y) { return byYear[y] === undefined ? null : byYear[y]; }),
                 borderColor: palette[i % palette.length], spanGaps: true };
      })
    },
    options: {
      plugins: { legend: { position: "right" } },
      scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return v + unit; } } } }
    }
  });
})();
