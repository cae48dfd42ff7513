// The ids this script looks for, as the server names them (dashboard/ids.py page_script_ids, written
// into the page's <meta name="route-map-ids">): restated here, an id renamed there would fail silently.
var ROUTE_MAP_IDS = (function () {
  var meta = document.querySelector('meta[name="route-map-ids"]');
  try { return meta ? JSON.parse(meta.getAttribute("content")) : {}; } catch (error) { return {}; }
})();

function routeMapGraph() {
  var map = ROUTE_MAP_IDS.map && document.getElementById(ROUTE_MAP_IDS.map);
  return map ? map.querySelector(".js-plotly-plot") : null;
}

// The page's own scripts: keyboard activation of statement cards, the map's frame by the shape of its
// box, the map's in-place restyles, and the instant drawing of a clicked selection or side-panel tab.
// Statement cards are divs with role="button" (a quote is not phrasing content, so it cannot sit in a
// <button>); give them the keyboard behaviour of a button: Enter or Space activates them.
document.addEventListener("keydown", function (event) {
  var target = event.target;
  if ((event.key === "Enter" || event.key === " ") && target && target.matches && target.matches("div[role='button']")) {
    event.preventDefault();
    target.click();
  }
});
// The map's frame by the shape of its box. The figure is built once for every device, with the
// landscape frame; on a phone's portrait box Plotly would draw that as a short band across the top.
// The map panel carries both frames (data-frames, from dashboard/figure/frame.py device_frames) and
// the portrait box's shape (frame.py PORTRAIT_ASPECT, which assets/style.css draws a phone's box at).
// The frame is set in the layout before Plotly draws it (Plotly.react, through which dcc.Graph and
// this page draw the map, is wrapped once the page's scripts have run), so a phone draws its map once;
// a box that changes shape later (a phone turned) is given the other frame with one relayout.
function routeMapFrames(gd) {
  var panel = gd && gd.closest && gd.closest(".map-panel[data-frames]");
  if (!panel) { return null; }
  if (!panel.__frames) { panel.__frames = JSON.parse(panel.getAttribute("data-frames")); }
  return panel.__frames;
}

// The frame for the box's shape: the phone's portrait one; for a box between a phone's and a laptop's
// shape (an embed beside its panels, a full-screen page) the nearest of frames.between, each a range box
// of its own shape (Plotly draws the map at its range box's shape: in another, bands of page around it).
function routeMapWantedFrame(gd, frames) {
  var box = gd.getBoundingClientRect();
  if (!(box.height > 0)) { return frames.landscape; }
  var shape = box.width / box.height;
  if (Math.abs(shape - frames.aspect) < 0.03) { return frames.portrait; }
  var shaped = [Object.assign({aspect: frames.aspect}, frames.portrait)].concat(frames.between || []);
  var widest = shaped[shaped.length - 1].aspect;
  if (shape > widest + 0.03) { return frames.landscape; }
  return shaped.reduce(function (best, frame) {
    return Math.abs(frame.aspect - shape) < Math.abs(best.aspect - shape) ? frame : best;
  });
}

// The settings that move a geo layout to the wanted frame, or null when it is in it. Its centre
// moves only if it is another frame's own: a reader's pan and a link's centre stay.
function routeMapFrameChange(geo, frames, to) {
  var range = geo && geo.lataxis && geo.lataxis.range;
  if (!geo || (range && range[0] === to.lataxis.range[0])) { return null; }
  var change = {"lonaxis.range": to.lonaxis.range.slice(), "lataxis.range": to.lataxis.range.slice(),
                "projection.minscale": to.projection.minscale};
  var center = geo.center || {};
  var framed = [frames.landscape, frames.portrait].concat(frames.between || []).some(function (frame) {
    return center.lon === frame.center.lon && center.lat === frame.center.lat;
  });
  if (center.lon === undefined || framed) {
    change["center.lon"] = to.center.lon;
    change["center.lat"] = to.center.lat;
  }
  return change;
}

function routeMapSetIn(geo, change) {
  Object.keys(change).forEach(function (path) {
    var keys = path.split("."), target = geo;
    keys.slice(0, -1).forEach(function (key) { target = target[key] = Object.assign({}, target[key]); });
    target[keys[keys.length - 1]] = change[path];
  });
}

document.addEventListener("DOMContentLoaded", function () {
  if (!window.Plotly || !Plotly.react) { return; }
  var react = Plotly.react;
  Plotly.react = function (gd, data, layout) {
    var frames = routeMapFrames(gd);
    var geoLayout = data && !Array.isArray(data) ? data.layout : layout;  // react(gd, figure) or (gd, data, layout)
    var change = frames && geoLayout && routeMapFrameChange(geoLayout.geo, frames, routeMapWantedFrame(gd, frames));
    if (change) { routeMapSetIn(geoLayout.geo, change); }
    var drawing = react.apply(this, arguments);
    if (!routeMapDrawnSent && gd && gd.closest && ROUTE_MAP_IDS.map && gd.closest("#" + ROUTE_MAP_IDS.map)) {
      Promise.resolve(drawing).then(routeMapAfterPaint, routeMapAfterPaint);
    }
    return drawing;
  };
});

// The page is served without what its first view can do without (the route buttons, the statements'
// cards, the search's options: ui/callbacks/deferred.py), so that the map draws first.
// Once the map is drawn and painted, the page asks for them by setting ids.MAP_DRAWN; and a few seconds
// after the page has loaded whatever became of the map, so that a map that failed leaves the rest usable.
var routeMapDrawnSent = false;
function routeMapSendDrawn() {
  var clientside = window.dash_clientside;
  if (routeMapDrawnSent || !ROUTE_MAP_IDS.drawn || !clientside || !clientside.set_props) { return; }
  routeMapDrawnSent = true;
  clientside.set_props(ROUTE_MAP_IDS.drawn, {data: true});
}

function routeMapAfterPaint() {
  requestAnimationFrame(function () { setTimeout(routeMapSendDrawn, 0); });
}

window.addEventListener("load", function () { setTimeout(routeMapSendDrawn, 5000); });

// After a resize: the other frame if the box changed shape. The centre is set in the layout, not
// sent as a relayout, so the view does not take a turned phone for a reader's pan.
function routeMapRefit(gd) {
  var frames = routeMapFrames(gd);
  var change = frames && routeMapFrameChange(gd.layout.geo, frames, routeMapWantedFrame(gd, frames));
  if (!change) { return; }
  var update = {};
  Object.keys(change).forEach(function (path) {
    if (path.indexOf("center.") === 0) { gd.layout.geo.center[path.slice(7)] = change[path]; }
    else { update["geo." + path] = change[path]; }
  });
  Plotly.relayout(gd, update);
}

// Browser-side callbacks that restyle the drawn map. A view change sends only the few trace
// properties that change (computed on the server). What Plotly only styles is set on the drawn map
// itself (routeMapDrawInPlace); the rest is merged into the plot's own data and drawn with one
// Plotly.react, which keeps pan and zoom and skips the copy of the whole figure that a new `figure`
// prop would cost. (One react, not a Plotly.restyle per group: each restyle of a geo subplot redraws it.)
//
// A link opened in a fresh browser restyles the map before dcc.Graph has drawn it: the change waits
// until the graph's first plot is done, or the graph's own first draw would undo it.
function routeMapWhenDrawn(apply, attempt) {
  var gd = routeMapGraph();
  if (gd && gd.data && gd._fullLayout && !gd.classList.contains("dash-graph--pending")) {
    apply(gd);
  } else if ((attempt || 0) < 300) {
    setTimeout(function () { routeMapWhenDrawn(apply, (attempt || 0) + 1); }, 50);
  }
}

// A trace's property by name; "a.b" is b of its a.
function routeMapProp(trace, prop) {
  var parts = prop.split(".");
  return parts.length === 2 ? (trace[parts[0]] || {})[parts[1]] : trace[prop];
}

// The properties a restyle sets that the map does not show yet: [{index, prop, value}]. None when the
// instant selection below has drawn it all, and a second draw would only cost time.
function routeMapChanges(gd, groups) {
  var changes = [];
  groups.forEach(function (group) {
    group.indices.forEach(function (index, k) {
      var trace = gd.data[index] || {};
      Object.keys(group.update).forEach(function (prop) {
        var value = group.update[prop][k];
        if (JSON.stringify(routeMapProp(trace, prop)) !== JSON.stringify(value)) {
          changes.push({index: index, prop: prop, value: value});
        }
      });
    });
  });
  return changes;
}

function routeMapUnchanged(gd, groups) {
  return routeMapChanges(gd, groups).length === 0;
}

// Whether Plotly would only restyle for this change, so the page can draw it on the map itself: a
// trace's opacity (editType "style"), its meta (which Plotly does not draw; map_labels.js reads the
// names' priorities there), or its markers' opacities (the selection's rings: one per point, as many
// points as before). Every other property of a scattergeo trace has editType "calc" (its points and
// texts, its visibility, the rest of its marker), and meta has "plot": either makes Plotly.react
// recompute and redraw the whole geo subplot, ~200 ms today and more as the registry grows.
function routeMapInPlace(gd, change) {
  if (change.prop === "opacity" || change.prop === "meta") { return true; }
  var before = gd.data[change.index].marker, after = change.value;
  if (change.prop !== "marker" || !before || !after) { return false; }
  var was = before.opacity, now = after.opacity;
  var sameShape = Array.isArray(was) ? Array.isArray(now) && now.length === was.length : !Array.isArray(now);
  return sameShape && Object.keys(Object.assign({}, before, after)).every(function (key) {
    return key === "opacity" || JSON.stringify(before[key]) === JSON.stringify(after[key]);
  });
}

function routeMapRestyle(gd, groups) {
  gd.__routeMapLast = groups; // what the map must show; reapplied if a redraw of the graph's own undoes it
  var changes = routeMapChanges(gd, groups);
  if (!changes.length) { return; }
  var data = gd.data.slice(), copied = {};
  changes.forEach(function (change) {
    var trace = copied[change.index] ? data[change.index] : Object.assign({}, data[change.index]);
    copied[change.index] = true;
    var parts = change.prop.split(".");
    if (parts.length === 2) {
      trace[parts[0]] = Object.assign({}, trace[parts[0]]);
      trace[parts[0]][parts[1]] = change.value;
    } else {
      trace[change.prop] = change.value;
    }
    data[change.index] = trace;
  });
  if (changes.every(function (change) { return routeMapInPlace(gd, change); })) {
    routeMapDrawInPlace(gd, data, changes);
  } else {
    Plotly.react(gd, data, gd.layout);
  }
}

// Style-only changes set on the drawn map as Plotly's own style step sets them (a trace group's CSS
// opacity, each marker's from its calc point's `mo`), and in the plot's data, full data and calc data,
// so that what gd.data says is what is drawn and Plotly's next draw agrees. The names are then
// decluttered again, as after a draw. A few milliseconds, where a Plotly.react costs a redraw.
function routeMapDrawInPlace(gd, data, changes) {
  gd.data = data;
  var drawn = {};
  gd.querySelectorAll(".scattergeo.trace, g.trace.scattergeo").forEach(function (group) {
    var cd = group.__data__;
    if (cd && cd[0] && cd[0].trace) { drawn[cd[0].trace.index] = group; }
  });
  changes.forEach(function (change) {
    var trace = data[change.index], full = gd._fullData && gd._fullData[change.index];
    var group = drawn[change.index];
    if (change.prop === "opacity") {
      if (full) { full.opacity = trace.opacity; }
      if (group) { group.style.opacity = trace.opacity; }
    } else if (change.prop === "meta") {
      if (full) { full.meta = trace.meta; }
    } else {
      var opacity = trace.marker.opacity;
      if (full && full.marker) { full.marker.opacity = opacity; }
      if (!group) { return; }
      group.__data__.forEach(function (point, k) {  // as Plotly's calc step reads the array (arraysToCalcdata)
        var value = Array.isArray(opacity) ? +opacity[k] : undefined;
        if (value === undefined) { delete point.mo; } else { point.mo = isFinite(value) && value > 0 ? value : 0; }
      });
      group.querySelectorAll("path.point").forEach(function (point) {
        var datum = point.__data__ || {};
        point.style.opacity = datum.mo === undefined ? opacity : datum.mo;
      });
    }
  });
  if (window.routeMapLabels) { window.routeMapLabels.declutter(gd); }
}

// A click on a route or a statement is drawn on the map at once, before the server has answered:
// each statement card says which routes its statement names (data-routes, from the server's
// statement_card), the figure the opacity of what is not selected (layout.meta.selection, from
// selection_table) and each route trace its opacity when nothing is selected (trace.meta). The
// rules are the server's (highlighted_routes, route_opacity), and a browser test holds the two to
// agreeing. Only opacities change here, set on the drawn traces in a few milliseconds; the rings
// around the selection's places and which names show come with the server's restyle a moment later
// (drawn in place too, by routeMapDrawInPlace). The current selection is read from the address, which
// the dashboard keeps in sync with the view.
// The routes a statement names, from its card; a selected statement's card is always on the page.
function routeMapStatementRoutes(statement) {
  if (!statement) { return []; }
  var card = Array.prototype.find.call(document.querySelectorAll(".statement-card[data-routes]"), function (el) {
    return el.getAttribute("data-statement") === statement;
  });
  return card ? card.getAttribute("data-routes").split(" ").filter(Boolean) : [];
}

function routeMapInstantSelect(kind, id) {
  var gd = routeMapGraph();
  var table = gd && gd.layout && gd.layout.meta && gd.layout.meta.selection;
  if (!table || !gd._fullLayout || gd.classList.contains("dash-graph--pending")) { return false; }
  var query = new URLSearchParams(window.location.search);
  var route = query.get("route");
  var statement = query.get("statement");
  if (kind === "route") { route = route === id ? null : id; } else { statement = statement === id ? null : id; }
  var highlighted = new Set(route ? [route] : []);
  routeMapStatementRoutes(statement).forEach(function (r) { highlighted.add(r); });
  var changed = {};
  gd.data.forEach(function (trace, index) {
    var meta = trace.meta || {};
    if (!meta.route) { return; }
    var opacity = highlighted.size === 0 ? meta.opacity : (highlighted.has(meta.route) ? 1 : table.dimmed);
    if (opacity !== trace.opacity) { changed[index] = opacity; }
  });
  routeMapSetOpacities(gd, changed);
  return true;
}

// Opacities set straight on the drawn traces, as Plotly's own style step sets them (the trace group's
// CSS opacity), and in the plot's data and full data so that Plotly's next draw agrees: a Plotly.react
// to change them costs a pass over every trace (~100 ms for 300 routes), this a few milliseconds at any
// size. The data array is replaced, not edited, as it is the figure dcc.Graph was given.
function routeMapSetOpacities(gd, changed) {
  var indices = Object.keys(changed);
  if (!indices.length) { return; }
  gd.data = gd.data.slice();
  indices.forEach(function (index) {
    gd.data[index] = Object.assign({}, gd.data[index], {opacity: changed[index]});
    if (gd._fullData && gd._fullData[index]) { gd._fullData[index].opacity = changed[index]; }
  });
  gd.querySelectorAll(".scattergeo.trace, g.trace.scattergeo").forEach(function (group) {
    var cd = group.__data__;
    var full = cd && cd[0] && cd[0].trace;
    if (full && changed.hasOwnProperty(full.index)) { group.style.opacity = changed[full.index]; }
  });
}

// A click on a side-panel tab shows that panel at once: the page's root class names the open panel
// (the server's view_classes, "panel-" + its name), and waiting for the view to go to the server and
// back before showing it took ~0.5 s. The server then sends the same class. A tab built when first
// opened shows its "Opening…" line until its contents arrive.
function routeMapInstantTab(panel) {
  var root = (ROUTE_MAP_IDS.root && document.getElementById(ROUTE_MAP_IDS.root));
  if (!root) { return false; }
  var classes = root.className.split(" ").filter(function (name) { return name.indexOf("panel-") !== 0; });
  classes.splice(1, 0, "panel-" + panel);
  root.className = classes.join(" ");
  document.querySelectorAll(".panel-tab").forEach(function (tab) {
    var id = "";
    try { id = JSON.parse(tab.id).id; } catch (error) { return; }
    tab.setAttribute("aria-selected", String(id === panel));
  });
  return true;
}

// Capture phase, so the map is drawn before Dash sees the click. Dash's own handling of a click
// keeps the page busy for a while, and the browser cannot paint the new map until it is done; so
// the click is held back, the map painted, and the same click handed to Dash right after the paint.
// (Not a click on a link inside a card: that must go on as it is.)
var routeMapReplaying = false;
document.addEventListener("click", function (event) {
  if (routeMapReplaying) { return; }
  var target = event.target && event.target.closest && event.target.closest(".route-button, .statement-card, .panel-tab");
  if (!target || !target.id || target.id.charAt(0) !== "{") { return; }
  var id;
  try { id = JSON.parse(target.id).id; } catch (error) { return; }
  var drawn = target.classList.contains("panel-tab") ? routeMapInstantTab(id)
    : routeMapInstantSelect(target.classList.contains("statement-card") ? "statement" : "route", id);
  if (!drawn || event.target.closest("a")) { return; }
  event.stopPropagation();
  requestAnimationFrame(function () {
    setTimeout(function () {
      routeMapReplaying = true;
      try { target.click(); } finally { routeMapReplaying = false; }
    }, 0);
  });
}, true);

// Whether the pointer moved while pressed on the map since it was last pressed: Plotly reports a
// click at the end of a drag that started on a line.
var routeMapPress = null;
document.addEventListener("pointerdown", function (event) {
  routeMapPress = event.target.closest && ROUTE_MAP_IDS.map && event.target.closest("#" + ROUTE_MAP_IDS.map)
    ? {x: event.clientX, y: event.clientY, moved: false} : null;
}, true);
document.addEventListener("pointermove", function (event) {
  if (routeMapPress && Math.hypot(event.clientX - routeMapPress.x, event.clientY - routeMapPress.y) > 4) {
    routeMapPress.moved = true;
  }
}, true);
function routeMapDragged() { return !!(routeMapPress && routeMapPress.moved); }

window.dash_clientside = Object.assign({}, window.dash_clientside, {
  routeMap: {
    restyle: function (groups) {
      if (!groups) { return window.dash_clientside.no_update; }
      routeMapWhenDrawn(function (gd) { routeMapRestyle(gd, groups); });
      return Date.now();
    },
    // The timeline's Play button: start (from the first event if it stands at Today) or pause.
    play: function (clicks, disabled, values, maxima) {
      if (!clicks || !clicks.length || !clicks[0]) { return window.dash_clientside.no_update; }
      var playing = disabled && disabled.length && !disabled[0];
      var start = !playing;
      if (start && values && maxima && values[0] >= maxima[0]) {
        // At Today: the first tick goes to the first event.
        window.routeMapPlayFrom = -1;
      }
      return [[!start], [start ? "❚❚ Pause" : "▶ Play the events"], [String(start)]];
    },
    // One tick of the timeline: the next event; at Today, stop.
    step: function (ticks, values, maxima) {
      var none = window.dash_clientside.no_update;
      if (!values || !values.length) { return [none, none, none, none]; }
      var from = window.routeMapPlayFrom !== undefined ? window.routeMapPlayFrom : values[0];
      window.routeMapPlayFrom = undefined;
      var next = Math.min(from + 1, maxima[0]);
      var done = next >= maxima[0];
      return [[next], [done], done ? ["▶ Play the events"] : none, done ? ["false"] : none];
    },
    // A click on the map, unless it ended a drag: a pan that starts on a line must not select it.
    click: function (clickData) {
      return routeMapDragged() ? window.dash_clientside.no_update : clickData;
    },
    position: function (position) {
      if (!position || (!position.center && !position.scale && !position.rotation)) {
        return window.dash_clientside.no_update;
      }
      var update = {};
      if (position.scale) { update["geo.projection.scale"] = position.scale; }
      if (position.rotation) {
        update["geo.projection.rotation.lon"] = position.rotation[0];
        update["geo.projection.rotation.lat"] = position.rotation[1];
      }
      if (position.center) {
        update["geo.center.lon"] = position.center[0];
        update["geo.center.lat"] = position.center[1];
      }
      routeMapWhenDrawn(function (gd) {
        // A link made on a laptop may zoom out further than a phone's frame allows.
        var low = gd._fullLayout.geo.projection.minscale;
        if (update["geo.projection.scale"] < low) { update["geo.projection.scale"] = low; }
        Plotly.relayout(gd, update);
      });
      return Date.now();
    }
  }
});

// The map's names are decluttered after every draw (assets/map_labels.js): after the first plot, a
// restyle, a pan or a zoom.
routeMapWhenDrawn(function (gd) {
  if (!window.routeMapLabels || gd.__routeMapLabels) { return; }
  gd.__routeMapLabels = true;
  var run = function () { window.routeMapLabels.declutter(gd); };
  gd.on("plotly_afterplot", function () {
    // dcc.Graph redraws from its own figure when a relayout it did not make (a link's position)
    // lands; if that undid the view's restyle, apply it again (once it holds, nothing is redrawn).
    if (gd.__routeMapLast && !routeMapUnchanged(gd, gd.__routeMapLast)) {
      setTimeout(function () { routeMapRestyle(gd, gd.__routeMapLast); }, 0);
      return;
    }
    run();
  });
  gd.on("plotly_relayout", function (update) {
    if (update && update.autosize) { routeMapRefit(gd); }
    run();
  });
  // The box also changes shape without a window resize: an embed's statements arrive after the map
  // (deferred) and take a third of its width. The frame follows the box's shape whatever changed it.
  if (window.ResizeObserver) {
    var shape = null;
    new ResizeObserver(function () {
      var box = gd.getBoundingClientRect();
      var now = box.height > 0 ? Math.round(100 * box.width / box.height) : null;
      if (now !== shape) { shape = now; routeMapRefit(gd); }
    }).observe(gd);
  }
  run();
  // Folding or unfolding the legend uncovers or covers names.
  var panel = gd.closest(".map-panel");
  var legend = panel && panel.querySelector(".map-legend");
  if (legend) {
    // On a map smaller than a large screen's, the open legend would cover the corridor: it starts
    // folded to its title there, one click away.
    var box = panel.getBoundingClientRect();
    if (box.width < 1150 || box.height < 700) { legend.open = false; }
    legend.addEventListener("toggle", run);
    // The legend's contents come a moment after the map has drawn (ui/layout.deferred_parts): if its
    // box then differs from the place kept for it, the names move clear of it.
    if (window.ResizeObserver) {
      var legendSize = null;
      new ResizeObserver(function () {
        var size = legend.offsetWidth + "x" + legend.offsetHeight;
        if (legendSize !== null && size !== legendSize) { run(); }
        legendSize = size;
      }).observe(legend);
    }
  }
});

// A selected statement is brought into view in its list (a link that names it, a click on the map's
// route that marks it, an embed opened on it): the list may be long and the card below the fold.
(function () {
  var seen = null;
  function reveal() {
    var card = document.querySelector(".statement-card.is-selected");
    if (!card || card === seen) { seen = card; return; }
    seen = card;
    var box = card.getBoundingClientRect();
    var panels = card.closest(".panels");
    if (panels && panels.scrollHeight > panels.clientHeight + 1) {  // the side panel scrolls on its own
      var area = panels.getBoundingClientRect();
      if (box.top < area.top || box.bottom > area.bottom) { panels.scrollTop += box.top - area.top - 8; }
      return;
    }
    // The page scrolls: keep the card below the sticky map on a phone, above the screen's bottom.
    var map = document.querySelector(".map-column");
    var top = map && getComputedStyle(map).position === "sticky" ? map.getBoundingClientRect().bottom : 0;
    if (box.top < top || box.bottom > window.innerHeight) { window.scrollBy(0, box.top - top - 8); }
  }
  new MutationObserver(reveal).observe(document.documentElement,
                                       {subtree: true, attributes: true, attributeFilter: ["class"]});
})();

// Accessibility: what Dash 4's own controls leave out, repaired whenever Dash draws or redraws them.
// - Checklist and RadioItems are drawn as a listbox whose options are <label role="option"> around a
//   native checkbox or radio: a screen reader then announces a listbox (arrow keys move between
//   options) that the keyboard cannot use so, and each box is a control nested in another. The
//   native inputs already do everything: the list becomes a plain group (its fieldset's legend names
//   it), the labels plain labels.
// - A slider's handle (role="slider") and its number box have no name, and the handle says only its
//   number. A wrapper marked by the layout (data-slider-name: the id of the text that names it;
//   data-slider-values: what each position means, or data-slider-unit) gives them both; a slider
//   alone in a fieldset and not so marked is named by the fieldset's legend.
var routeMapSliderNames = 0;
function routeMapRepairControls() {
  document.querySelectorAll(".dash-slider-container:not([data-slider-name])").forEach(function (slider) {
    var fieldset = slider.closest("fieldset");
    var legend = fieldset && fieldset.querySelector(":scope > legend");
    if (slider.closest("[data-slider-name]") || !legend
        || fieldset.querySelectorAll(".dash-slider-container").length !== 1) { return; }
    if (!legend.id) { legend.id = "slider-name-" + (++routeMapSliderNames); }
    slider.setAttribute("data-slider-name", legend.id);
  });
  document.querySelectorAll(".dash-options-list[role='listbox']").forEach(function (list) {
    list.setAttribute("role", "group");
  });
  document.querySelectorAll(".dash-options-list-option[role], .dash-options-list-option[aria-selected]")
    .forEach(function (label) { label.removeAttribute("role"); label.removeAttribute("aria-selected"); });
  document.querySelectorAll("[data-slider-name]").forEach(function (wrapper) {
    var name = wrapper.getAttribute("data-slider-name");
    var values = JSON.parse(wrapper.getAttribute("data-slider-values") || "{}");
    var unit = wrapper.getAttribute("data-slider-unit");
    wrapper.querySelectorAll("[role='slider'], input[type='number']").forEach(function (control) {
      if (control.getAttribute("aria-labelledby") !== name) { control.setAttribute("aria-labelledby", name); }
      var now = control.getAttribute("aria-valuenow");
      if (now === null) { return; }
      var text = values[now] || (unit ? now + " " + unit : null);
      if (text && control.getAttribute("aria-valuetext") !== text) { control.setAttribute("aria-valuetext", text); }
    });
  });
}
new MutationObserver(routeMapRepairControls).observe(document.documentElement, {
  childList: true, subtree: true, attributes: true, attributeFilter: ["role", "aria-selected", "aria-valuenow"]});
routeMapRepairControls();
