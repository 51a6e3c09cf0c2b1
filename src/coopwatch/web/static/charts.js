// Draw the dossier's charts from the JSON embedded in the page (the table holds the same points).
(function () {
  var node = document.getElementById("chart-data");
  if (!node || !window.Plotly) { return; }
  var data = JSON.parse(node.textContent);
  var dash = { turnover: "solid", "export": "dot", "import": "dash" };
  data.panels.forEach(function (panel) {
    var traces = panel.traces.map(function (t) {
      return { x: t.x, y: t.y, name: t.name.replace(t.flow, data.labels[t.flow] || t.flow),
               type: "scatter", mode: "lines+markers", line: { dash: dash[t.flow] || "solid" } };
    });
    Plotly.newPlot("chart-" + panel.id, traces, {
      margin: { t: 10, r: 10, b: 40, l: 70 }, height: 320,
      xaxis: { type: "category", categoryorder: "category ascending" }, legend: { orientation: "h" }
    }, { displaylogo: false, responsive: true });
  });
})();
