/// The page's inline style sheet and script (no external assets, so the page works offline and behind proxies).
enum DashboardAssets {
    static let css = """
    :root{--positive:#2e7d32;--negative:#c62828;--neutral:#607d8b;--ink:#1d2330;--muted:#6b7280;--line:#e5e7eb}
    *{box-sizing:border-box}
    body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#f7f8fa}
    header{display:flex;flex-wrap:wrap;align-items:baseline;gap:1rem;padding:1rem 1.5rem;background:#fff;border-bottom:1px solid var(--line)}
    h1{font-size:1.3rem;margin:0}h2{font-size:1rem;margin:0 0 .6rem}
    .status{margin:0;color:var(--muted)}
    .live-indicator::before{content:"static page"}
    body[data-live=connecting] .live-indicator::before{content:"· connecting…"}
    body[data-live=connected] .live-indicator::before{content:"· live";color:var(--positive)}
    body[data-live=reconnecting] .live-indicator::before{content:"· reconnecting…";color:var(--negative)}
    body[data-live=offline] .live-indicator::before{content:"· offline (reload for fresh data)"}
    main{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem;padding:1rem 1.5rem}
    .panel{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem;min-width:0}
    #trend,#models,#alerts{grid-column:1/-1}
    .unavailable{margin:1rem 1.5rem 0;padding:.75rem 1rem;border-radius:6px;background:#fdecea;color:#8a1c13;font-weight:600}
    .muted{color:var(--muted)}
    dl{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:0}dt{color:var(--muted);font-size:.8rem}dd{margin:0;font-weight:600}
    .cards dd{font-size:1.4rem}
    table{width:100%;border-collapse:collapse;margin-top:.5rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
    .alert-active td:first-child{color:var(--negative);font-weight:600}.alert-resolved{color:var(--muted)}
    .breaker{display:inline-block;padding:.2rem .7rem;border-radius:999px;font-weight:700;color:#fff;background:var(--positive)}
    .breaker.state-open{background:var(--negative)}.breaker.state-half-open{background:#ef6c00}
    .pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}figure{margin:0}figcaption{color:var(--muted);font-size:.8rem}
    svg.chart{width:100%;height:auto;display:block}#trend svg.chart{max-width:960px;margin:0 auto}
    svg text{font-size:11px;fill:var(--muted)}svg text.value{fill:var(--ink)}svg text.placeholder{font-size:16px}
    svg .axis{stroke:#9ca3af}svg .grid{stroke:var(--line)}
    svg path.series{fill:none;stroke-width:2}
    .positive{stroke:var(--positive);fill:var(--positive)}.negative{stroke:var(--negative);fill:var(--negative)}
    .neutral{stroke:var(--neutral);fill:var(--neutral)}svg path.series{fill:none}
    svg rect.model{fill:#3f51b5}
    """

    /// Follows the server-sent events: each `snapshot` event is a JSON object of element id → HTML fragment.
    static let script = """
    (function () {
      var body = document.body;
      if (!window.EventSource) { return; }
      body.setAttribute("data-live", "connecting");
      var source = new EventSource(body.getAttribute("data-events"));
      source.addEventListener("snapshot", function (event) {
        var fragments;
        try { fragments = JSON.parse(event.data); } catch (error) { return; }
        Object.keys(fragments).forEach(function (id) {
          var element = document.getElementById(id);
          if (element) { element.innerHTML = fragments[id]; }
        });
        body.setAttribute("data-live", "connected");
      });
      source.addEventListener("error", function () {
        body.setAttribute("data-live", source.readyState === EventSource.CLOSED ? "offline" : "reconnecting");
      });
    })();
    """
}
