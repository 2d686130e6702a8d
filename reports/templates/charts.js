// Draws every chart of the report: each container with data-chart has its ECharts options
// as JSON in the element "<id>-data". The options are data only; the functions below
// (number formatting in the page's language) are the only code.
(function () {
  'use strict';
  var numbers = new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL');
  function format(v) {
    if (v && typeof v === 'object' && 'value' in v) { v = v.value; }
    return typeof v === 'number' ? numbers.format(v) : String(v);
  }
  function valueAxes(axes) {
    (Array.isArray(axes) ? axes : [axes]).forEach(function (axis) {
      if (axis && axis.type === 'value') {
        axis.axisLabel = Object.assign({}, axis.axisLabel, { formatter: format });
      }
    });
  }
  var drawn = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var data = document.getElementById(el.id + '-data');
    if (!data) { return; }
    var opts = JSON.parse(data.textContent);
    valueAxes(opts.xAxis);
    valueAxes(opts.yAxis);
    // Rich-text tooltips draw inside the chart, so they need no inline style attributes.
    opts.tooltip = Object.assign({}, opts.tooltip, { renderMode: 'richText', valueFormatter: format });
    (opts.series || []).forEach(function (s) {
      if (s.label && s.label.show) {
        s.label.formatter = function (p) { return format(p.value); };
      }
    });
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(opts);
    drawn.push(chart);
  });
  function resize() { drawn.forEach(function (c) { c.resize(); }); }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
})();
