// Charts of the statistics page; the data comes from the json_script block "practice-chart-data".
(function () {
  "use strict";
  var printButton = document.getElementById("dv-print");
  if (printButton) { printButton.addEventListener("click", function () { window.print(); }); }
  var node = document.getElementById("practice-chart-data");
  if (!node || typeof Chart === "undefined") { return; }
  var data = JSON.parse(node.textContent);
  var palette = ["#a3111a", "#1f6f8b", "#e8a33d", "#3f8f4f", "#6c4f9c", "#7a7a7a"];
  Chart.defaults.animation = false;  // charts must be complete when printed
  Chart.defaults.maintainAspectRatio = false;
  var numberFormat = new Intl.NumberFormat("vi-VN");
  Chart.defaults.locale = "vi-VN";
  function make(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) { new Chart(canvas, config); }
  }
  function bar(labels, values, horizontal) {
    return {
      type: "bar",
      data: { labels: labels, datasets: [{ data: values, backgroundColor: palette }] },
      options: { indexAxis: horizontal ? "y" : "x", plugins: { legend: { display: false },
        tooltip: { callbacks: { label: function (c) { return numberFormat.format(c.parsed[horizontal ? "x" : "y"]); } } } } }
    };
  }
  make("chart-fields", { type: "doughnut", data: { labels: data.fields.labels,
    datasets: [{ data: data.fields.values, backgroundColor: palette }] }, options: { plugins: { legend: { position: "bottom" } } } });
  make("chart-funnel", bar(data.funnel.labels, data.funnel.values, false));
  make("chart-children", bar(data.children.labels, data.children.values, true));
  make("chart-years", { type: "bar", data: { labels: data.years.labels, datasets: [
    { label: data.titles.total, data: data.years.total, backgroundColor: palette[1] },
    { label: data.titles.recognized, data: data.years.recognized, backgroundColor: palette[0] }] } });
  window.addEventListener("beforeprint", function () {
    Object.values(Chart.instances).forEach(function (chart) { chart.resize(); });
  });
})();
