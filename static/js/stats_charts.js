// The statistics pages' charts: data comes from a json_script element named by the canvas's
// data-source (no inline script under the Content-Security-Policy), drawn by vendored Chart.js.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") return; // the tables and the workbook still say it all
  document.querySelectorAll("canvas[data-chart=histogram]").forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.source);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels.map(function (l) { return l + "%"; }),
        datasets: [{ label: data.label, data: data.counts, backgroundColor: "#0b6bcb" }]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
})();
