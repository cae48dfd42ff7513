// The map's names, kept legible: after every draw, each label (a text point of a trace whose
// meta.labels gives a priority, lower first) is kept only where it overlaps no label
// kept before it and lies wholly inside the map; the rest are hidden. So the default view and small
// exports show the story's names, and zooming in brings back the others. The same rule serves the
// dashboard (on every draw, by hiding SVG text) and kaleido's export page (where toImage is wrapped
// to draw once, decide, and render the figure with the dropped names left out), so a report shows
// what the screen would at that size. Nor may a name cover a mark (an event's diamond, a selection's
// ring, a scenario's cross: the points of a trace whose meta.marks is set; a country's or sea's name
// may lie over rings and dots, a context place's over neither); a label with other places
// to go (the same text again, later in its trace) tries them in turn. A point whose priority is null
// is not a name at the moment (an unselected place's, a route's while another is selected): hidden,
// and left out of an export; so the page changes which names may show without Plotly redrawing.
(function () {
  var PAD = 2; // px kept clear around each name
  // A context place's name (priority from here on: labels.py) may not sit on another place's dot,
  // where it reads as that place's name; the story's main places and a selection's keep their names
  // beside a neighbour's dot (Aktau's is a few px from Kuryk's on a report column), as do countries and seas.
  var DOTS_BLOCK_FROM = 20;
  // ... but not with that dot inside the name, between its first and last letters: "CPC ● terminal"
  // on a report column read as Istanbul's name. A dot this far (of the name's width) from either end
  // is inside it; one nearer an end, or beyond it, is beside it.
  var DOT_INSIDE = 0.2;
  var GLYPH_TRIM = 0.2; // of a name's box, top and bottom: the line box around the letters, not ink

  function labelledTraces(gd) {
    var found = [];
    gd.querySelectorAll(".scattergeo.trace, g.trace.scattergeo").forEach(function (group) {
      var cd = group.__data__;
      var trace = cd && cd[0] && cd[0].trace;
      var priorities = trace && trace.meta && trace.meta.labels;
      if (trace && trace.visible === true && priorities !== undefined) {
        found.push({group: group, trace: trace, priorities: priorities});
      }
    });
    return found;
  }

  // meta.labels: one priority per point, or one number for every point of the trace.
  function priorityOf(priorities, index) {
    var value = Array.isArray(priorities) ? priorities[index] : priorities;
    return typeof value === "number" ? value : 999;
  }

  function intersects(a, b) {
    return a.left < b.right + PAD && b.left < a.right + PAD && a.top < b.bottom + PAD && b.top < a.bottom + PAD;
  }

  function notAName(priorities, index) {
    return (Array.isArray(priorities) ? priorities[index] : priorities) === null;
  }

  // Every label's text element with its priority, box and (trace index, point index); those that are
  // not names now (`off`) last, unmeasured.
  function candidates(gd) {
    var items = [];
    var geo = gd._fullLayout && gd._fullLayout.geo;
    var scale = (geo && geo.projection && geo.projection.scale) || 1;
    labelledTraces(gd).forEach(function (entry) {
      var zooms = entry.trace.meta && entry.trace.meta.zooms;  // a name only from this zoom on (labels.py)
      entry.group.querySelectorAll("text").forEach(function (text, k) {
        var datum = text.__data__ || {};
        var index = typeof datum.i === "number" ? datum.i : k;
        if (!text.textContent) { return; }
        var item = {text: text, trace: entry.trace.index, point: index, priority: Infinity, off: true,
                    area: !!(entry.trace.meta && entry.trace.meta.area)};
        if (!notAName(entry.priorities, index) && !(zooms && zooms[index] > scale)) {
          text.style.display = "";
          item.off = false;
          item.box = text.getBoundingClientRect();
          item.priority = priorityOf(entry.priorities, index);
        }
        items.push(item);
      });
    });
    items.sort(function (a, b) { return a.priority - b.priority || a.trace - b.trace || a.point - b.point; });
    return items;
  }

  // The boxes of the marks no name may cover; places' dots (meta.marks "dots") only no place's name.
  function markBoxes(gd) {
    var boxes = [];
    gd.querySelectorAll(".scattergeo.trace, g.trace.scattergeo").forEach(function (group) {
      var cd = group.__data__;
      var trace = cd && cd[0] && cd[0].trace;
      if (!trace || trace.visible !== true || !(trace.meta && trace.meta.marks)) { return; }
      group.querySelectorAll("path.point").forEach(function (point) {
        if (parseFloat(point.style.opacity) === 0) { return; }  // an unselected place's ring: not drawn
        var box = point.getBoundingClientRect();
        if (box.width > 0) { boxes.push({left: box.left, right: box.right, top: box.top, bottom: box.bottom,
                                         kind: trace.meta.marks}); }
      });
    });
    return boxes;
  }

  // besideDots: the name may lie over places' dots; overRings: over a selection's rings (countries' and
  // seas' names: a statement's places ring most of Georgia on a slide). Events and crosses: never.
  function onMark(box, marks, besideDots, overRings) {
    var trim = box.height * GLYPH_TRIM;
    var inside = box.width * DOT_INSIDE;
    return marks.some(function (m) {
      if (overRings && (m.kind === "rings" || m.kind === "dots")) { return false; }  // countries' and seas' names
      if (besideDots && m.kind === "dots") {
        var x = (m.left + m.right) / 2, y = (m.top + m.bottom) / 2;
        return x > box.left + inside && x < box.right - inside && y > box.top + trim && y < box.bottom - trim;
      }
      return box.left < m.right && m.left < box.right && box.top + trim < m.bottom && m.top < box.bottom - trim;
    });
  }

  // Which labels to keep: [{trace, point, keep}], in priority order.
  function decide(gd) {
    // The map's drawn frame (Plotly's geo background), not the figure: a report's margins hold the
    // title and legend, and a name half outside the frame would be cut.
    var frame = gd.querySelector(".geolayer .bg") || gd.querySelector(".geo .bg");
    var area = (frame || gd).getBoundingClientRect();
    // What lies over the map (its legend, the named views' chips, Plotly's mode bar) is kept clear too:
    // a name under it could not be read.
    var panel = gd.closest && gd.closest(".map-panel");
    var over = ".map-legend, .named-views .named-view, .modebar";
    var kept = panel ? Array.prototype.map.call(panel.querySelectorAll(over), function (el) {
      return el.getBoundingClientRect();
    }).filter(function (box) { return box.width > 0; }) : [];
    // A report's legend laid on the map's south (dashboard/export/report_layout.py) is kept clear the same way.
    var card = gd.querySelector(".infolayer .legend > rect.bg");
    var cardBox = card && card.getBoundingClientRect();
    if (cardBox && cardBox.width > 0 && intersects(cardBox, area)) { kept.push(cardBox); }
    var names = {}; // a name shown once: a selected place's own label wins over its everyday one
    var marks = markBoxes(gd);
    return candidates(gd).map(function (item) {
      if (item.off) { return {trace: item.trace, point: item.point, keep: false, text: item.text, box: null}; }
      var box = item.box;
      var inside = box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom;
      var keep = inside && box.width > 0 && !names[item.text.textContent] && !onMark(box, marks, item.area || item.priority < DOTS_BLOCK_FROM, item.area) &&
        !kept.some(function (other) { return intersects(box, other); });
      if (keep) { kept.push(box); names[item.text.textContent] = true; }
      return {trace: item.trace, point: item.point, keep: keep, text: item.text, box: box};
    });
  }

  // On screen: hide what is not kept (the SVG text only, so no redraw is needed).
  function declutter(gd) {
    var decisions = decide(gd);
    decisions.forEach(function (d) { d.text.style.display = d.keep ? "" : "none"; });
    return decisions;
  }

  // The figure with the names decide() drops set to "", for a renderer that draws its own copy.
  function withoutDropped(data, decisions) {
    var out = data.map(function (trace) { return trace; });
    decisions.forEach(function (d) {
      if (d.keep) { return; }
      var trace = out[d.trace] = Object.assign({}, out[d.trace]);
      if (!trace._copied) {
        trace.text = (Array.isArray(trace.text) ? trace.text : [trace.text]).slice();
        Object.defineProperty(trace, "_copied", {value: true, enumerable: false});
      }
      trace.text[d.point] = "";
    });
    return out;
  }

  window.routeMapLabels = {decide: decide, declutter: declutter, withoutDropped: withoutDropped};

  // kaleido's page: draw the figure once at the export's size, decide, and render the result.
  function wrapToImage() {
    var Plotly = window.Plotly;
    if (!Plotly || Plotly.__routeMapLabels) { return false; }
    var toImage = Plotly.toImage;
    Plotly.toImage = function (figure, opts) {
      var documentMeta = figure && figure.layout && figure.layout.meta && figure.layout.meta.document;
      if (documentMeta && documentMeta.title) { document.title = documentMeta.title; } // a PDF's Title
      var hasLabels = figure && figure.data && figure.data.some(function (t) { return t.meta && t.meta.labels; });
      if (!hasLabels || !opts || !opts.width || !opts.height) { return toImage.apply(this, arguments); }
      var div = document.createElement("div");
      div.style.cssText = "position:absolute;left:0;top:0;visibility:hidden;width:" + opts.width + "px;height:" +
        opts.height + "px";
      document.body.appendChild(div);
      var layout = Object.assign({}, figure.layout, {width: opts.width, height: opts.height});
      return Plotly.newPlot(div, figure.data, layout, {staticPlot: true}).then(function () {
        var data = withoutDropped(figure.data, decide(div));
        Plotly.purge(div);
        div.remove();
        return toImage.call(Plotly, {data: data, layout: figure.layout, config: figure.config}, opts);
      });
    };
    Plotly.__routeMapLabels = true;
    return true;
  }
  // kaleido's page loads plotly.js before this file; should it come after, wrap once it is there.
  if (!wrapToImage()) { window.addEventListener("load", wrapToImage); }
})();
