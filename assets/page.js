// The page's own scripts: keyboard activation of statement cards, and the map's in-place restyles.
// Statement cards are divs with role="button" (a quote is not phrasing content, so it cannot sit in a
// <button>); give them the keyboard behaviour of a button: Enter or Space activates them.
document.addEventListener("keydown", function (event) {
  var target = event.target;
  if ((event.key === "Enter" || event.key === " ") && target && target.matches && target.matches("div[role='button']")) {
    event.preventDefault();
    target.click();
  }
});
// Browser-side callbacks that restyle the drawn map in place. A view change sends only the few trace
// properties that change (computed on the server); they are merged into the plot's own data and
// drawn with one Plotly.react, which keeps pan and zoom and skips the copy of the whole figure that
// a new `figure` prop would cost. (One react, not a Plotly.restyle per group: each restyle of a geo
// subplot redraws it.)
//
// A link opened in a fresh browser restyles the map before dcc.Graph has drawn it: the change waits
// until the graph's first plot is done, or the graph's own first draw would undo it.
function routeMapWhenDrawn(apply, attempt) {
  var gd = document.querySelector("#route-map .js-plotly-plot");
  if (gd && gd.data && gd._fullLayout && !gd.classList.contains("dash-graph--pending")) {
    apply(gd);
  } else if ((attempt || 0) < 300) {
    setTimeout(function () { routeMapWhenDrawn(apply, (attempt || 0) + 1); }, 50);
  }
}

function routeMapRestyle(gd, groups) {
  var data = gd.data.slice();
  groups.forEach(function (group) {
    group.indices.forEach(function (index, k) {
      var trace = Object.assign({}, data[index]);
      Object.keys(group.update).forEach(function (prop) {
        var value = group.update[prop][k];
        var parts = prop.split(".");
        if (parts.length === 2) {
          trace[parts[0]] = Object.assign({}, trace[parts[0]]);
          trace[parts[0]][parts[1]] = value;
        } else {
          trace[prop] = value;
        }
      });
      data[index] = trace;
    });
  });
  Plotly.react(gd, data, gd.layout);
}

window.dash_clientside = Object.assign({}, window.dash_clientside, {
  routeMap: {
    restyle: function (groups) {
      if (!groups) { return window.dash_clientside.no_update; }
      routeMapWhenDrawn(function (gd) { routeMapRestyle(gd, groups); });
      return Date.now();
    },
    position: function (position) {
      if (!position || (!position.center && !position.scale)) { return window.dash_clientside.no_update; }
      var update = {"geo.projection.scale": position.scale || 1};
      if (position.center) {
        update["geo.center.lon"] = position.center[0];
        update["geo.center.lat"] = position.center[1];
      }
      routeMapWhenDrawn(function (gd) { Plotly.relayout(gd, update); });
      return Date.now();
    }
  }
});
