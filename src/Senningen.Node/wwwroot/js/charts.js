// The desk dashboard's charts (Chart.js, from npm at build time), as one ES module for Blazor JS interop. Chart.js is
// loaded on first use, not on every page. The numbers are also in a table under each chart, for screen readers and print.

let chartLoading = null;

function loadChart(url) {
  if (window.Chart) {
    return Promise.resolve(window.Chart);
  }
  chartLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve(window.Chart);
    script.onerror = () => { chartLoading = null; reject(new Error(`Chart.js did not load from ${script.src}`)); };
    document.head.appendChild(script);
  });
  return chartLoading;
}

// Colours that read on the console's light and dark backgrounds; the series order is the same on every chart.
const palette = ['#2f6db5', '#c2562b', '#3c8d5a', '#8a5ab8', '#b58a1f'];

export async function draw(canvas, chartUrl, spec) {
  const Chart = await loadChart(chartUrl);
  const existing = Chart.getChart(canvas);
  if (existing) {
    existing.destroy();
  }
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({ label: s.name, data: s.values, backgroundColor: palette[i % palette.length] })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // Drawn once, at once: a screenshot or a reader sees the final bars, not an animation.
      animation: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      plugins: { legend: { display: spec.series.length > 1 } },
      scales: {
        x: { stacked: spec.stacked, ticks: { precision: 0 } },
        y: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
  canvas.dataset.drawn = String(spec.labels.length);
  return chart.data.datasets.length;
}

export function dispose(canvas) {
  window.Chart?.getChart(canvas)?.destroy();
}
