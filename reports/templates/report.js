// The page's only code. It draws every chart: each container with data-chart has its
// ECharts options as JSON in the element "<id>-data"; the text the container holds for a
// page without scripts is taken out first. And it makes every table's "CSV downloaden"
// button work: the button's data-csv names the element that holds the table's raw rows
// as JSON; the CSV is built here and saved from a Blob, without any request. The JSON is
// data only; the functions below are the only code.
(function () {
  'use strict';
  // The charts' containers get their height only where this script runs (report.css).
  document.documentElement.classList.add('js');
  var numbers = new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL');
  function format(v) {
    if (v && typeof v === 'object' && 'value' in v) { v = v.value; }
    return typeof v === 'number' ? numbers.format(v) : String(v);
  }
  // unitOf is what a chart's value axis writes after its numbers: "%" where its label
  // template is "{value}%", else nothing. The tooltip writes it too.
  function unitOf(opts) {
    var unit = '';
    [].concat(opts.xAxis || [], opts.yAxis || []).forEach(function (axis) {
      var f = axis && axis.type === 'value' && axis.axisLabel && axis.axisLabel.formatter;
      if (typeof f === 'string' && f.indexOf('{value}') === 0) { unit = f.slice('{value}'.length); }
    });
    return unit;
  }
  // valueAxes formats a value axis's numbers; on a narrow chart, labels that would
  // overlap are left out.
  function valueAxes(axes, unit) {
    (Array.isArray(axes) ? axes : [axes]).forEach(function (axis) {
      if (axis && axis.type === 'value') {
        axis.axisLabel = Object.assign({}, axis.axisLabel, { formatter: function (v) { return format(v) + unit; }, hideOverlap: true });
      }
    });
  }
  // plainText keeps a name from being read as rich-text markup, which richText tooltips
  // parse ({style|text}): a "{" that could open markup gets a word joiner (U+2060), which
  // draws nothing, after it.
  function plainText(s) { return String(s).replace(/\{(?=\w+\|)/g, '{\u2060'); }
  // tooltipText is an axis tooltip: the category, then each series' marker, name and
  // value. ECharts' own wraps each name in {style|name}, so a "}" in a page title from an
  // export would end it early and move the rest of the title.
  function tooltipText(unit) {
    return function (params) {
      params = [].concat(params);
      var lines = [plainText(params[0].axisValueLabel)];
      params.forEach(function (p) { lines.push(p.marker + plainText(p.seriesName) + '  ' + format(p.value) + unit); });
      return lines.join('\n');
    };
  }
  // oneLine is a category's name on one line: a post's title may hold line breaks, and
  // its lines overlapped the next bar's name. The tooltip shows the name as it is.
  function oneLine(v) { return plainText(String(v).replace(/\s+/g, ' ').trim()); }
  function categoryAxes(axes) {
    (Array.isArray(axes) ? axes : [axes]).forEach(function (axis) {
      if (axis && axis.type === 'category') {
        axis.axisLabel = Object.assign({}, axis.axisLabel, { formatter: oneLine });
      }
    });
  }
  // labelFitter keeps the names beside horizontal bars to at most 40% of a narrow
  // chart's width (cut short with an ellipsis; the tooltip and the table show them
  // whole), and on a phone gives the value axis under the bars fewer numbers, so that the
  // bars keep room and the numbers do not run into each other. It returns the function
  // that fits a chart to its current width.
  function labelFitter(chart, el, opts) {
    var widths = [].concat(opts.yAxis || []).map(function (axis) {
      return axis && axis.type === 'category' && axis.axisLabel && axis.axisLabel.width || 0;
    });
    if (!widths.some(Boolean)) { return function () {}; }
    var values = [].concat(opts.xAxis || []).map(function (axis) { return axis && axis.type === 'value'; });
    return function () {
      if (!(el.clientWidth > 0)) { return; } // not laid out: nothing to fit to
      var most = Math.max(60, Math.round(el.clientWidth * 0.4));
      var splits = el.clientWidth < 480 ? 3 : 5; // 5 is ECharts' own
      chart.setOption({
        yAxis: widths.map(function (w) { return w ? { axisLabel: { width: Math.min(w, most) } } : {}; }),
        xAxis: values.map(function (v) { return v ? { splitNumber: splits } : {}; }),
      });
    };
  }
  var drawn = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var data = document.getElementById(el.id + '-data');
    if (!data) { return; }
    var opts = JSON.parse(data.textContent);
    var unit = unitOf(opts);
    valueAxes(opts.xAxis, unit);
    valueAxes(opts.yAxis, unit);
    categoryAxes(opts.xAxis);
    categoryAxes(opts.yAxis);
    // Rich-text tooltips draw inside the chart, so they need no inline style attributes.
    opts.tooltip = Object.assign({}, opts.tooltip, { renderMode: 'richText', formatter: tooltipText(unit) });
    (opts.series || []).forEach(function (s) {
      if (s.label && s.label.show) {
        s.label.formatter = function (p) { return format(p.value); };
      }
      // A mark's label runs along its line; a long one is cut to the plot's height with
      // an ellipsis (the full text is listed under the chart).
      if (s.markLine && s.markLine.label) {
        s.markLine.label = Object.assign({}, s.markLine.label, { width: 180, overflow: 'truncate' });
      }
    });
    el.textContent = ''; // the text for a page without scripts
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(opts);
    var fit = labelFitter(chart, el, opts);
    fit();
    drawn.push({ chart: chart, fit: fit });
  });
  function resize() { drawn.forEach(function (d) { d.fit(); d.chart.resize(); }); }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);

  // csvCell is one value as a field of a CSV whose fields are separated by sep and whose
  // numbers are written with the decimal separator decimal (RFC 4180 quoting). Text that a
  // spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return)
  // gets a leading ' so that it stays text; numbers, negative ones too, stay numbers, also
  // as text (-5). The CLI's CSV output applies the same rule (reports.SpreadsheetText).
  function csvCell(v, sep, decimal) {
    if (v === null || v === undefined) { return ''; }
    var s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) { s = "'" + s; }
    if (typeof v === 'number') { s = s.replace('.', decimal); }
    if (s.indexOf(sep) >= 0 || /["\r\n]/.test(s)) { s = '"' + s.replace(/"/g, '""') + '"'; }
    return s;
  }
  // csvText is a table as CSV in the report's language: a header of its columns, then its
  // rows, each line ended by CRLF, after a byte order mark so that a spreadsheet reads it
  // as UTF-8. A Dutch report writes ";" between fields and a decimal comma, as a Dutch
  // Excel reads a file it opens with a double-click; an English one "," and a point.
  function csvText(table) {
    var sep = table.sep || ',', decimal = table.decimal || '.';
    var lines = [table.columns].concat(table.rows).map(function (row) {
      return row.map(function (v) { return csvCell(v, sep, decimal); }).join(sep) + '\r\n';
    });
    return '\ufeff' + lines.join('');
  }
  function download(table) {
    var url = URL.createObjectURL(new Blob([csvText(table)], { type: 'text/csv;charset=utf-8' }));
    var a = document.createElement('a');
    a.href = url;
    a.download = table.file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }
  document.querySelectorAll('button[data-csv]').forEach(function (button) {
    var data = document.getElementById(button.getAttribute('data-csv'));
    if (!data) { return; }
    button.addEventListener('click', function () { download(JSON.parse(data.textContent)); });
    button.hidden = false; // without this script the button could do nothing, so it stays hidden
  });
})();
