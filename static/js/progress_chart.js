// 我的进度: exam and practice percentages over time, drawn by vendored Chart.js from the
// json_script the canvas names (no inline script under the Content-Security-Policy). The table
// under the chart holds the same figures, for screen readers and without script.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") return;
  var colours = { exam: "#0b6bcb", practice: "#1e7d32" };
  document.querySelectorAll("canvas[data-chart=history]").forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.source);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series) {
          return {
            label: series.label,
            data: series.values,
            borderColor: colours[series.kind],
            backgroundColor: colours[series.kind],
            pointStyle: series.kind === "exam" ? "rect" : "circle",
            borderDash: series.kind === "exam" ? [] : [6, 4],
            spanGaps: true
          };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } }
      }
    });
  });
})();
