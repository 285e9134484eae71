// The example page: reads the articles from the form, runs corroborate.compareArticles on them
// and shows corroborate.toHtml's report in a sandboxed frame (its scripts run, but in an opaque
// origin: the report cannot reach this page).
(function () {
  'use strict';
  var list = document.getElementById('list');
  var template = document.getElementById('article');
  var status = document.getElementById('status');
  var frame = document.getElementById('report');
  var download = document.getElementById('download');
  var lastHtml = null;

  var SAMPLES = [
    {
      source: 'Daily A',
      publishedAt: '2024-05-06',
      text: 'The Koti bridge was shut on Monday after engineers found 14 cracks in its deck, officials said.\n\n' +
        '"Safety comes first and the bridge stays closed until the repairs are done," the mayor said.',
    },
    {
      source: 'Daily B',
      publishedAt: '2024-05-07',
      text: 'Engineers found 14 cracks in the Koti bridge, which was shut on Tuesday.\n\n' +
        '"Safety comes first, and the bridge stays closed until repairs are done," the mayor told reporters.',
    },
  ];

  function addArticle(values) {
    var node = template.content.firstElementChild.cloneNode(true);
    values = values || {};
    ['source', 'publishedAt', 'title', 'url', 'text'].forEach(function (name) {
      if (values[name]) node.querySelector('[name="' + name + '"]').value = values[name];
    });
    node.querySelector('.remove').addEventListener('click', function () {
      node.remove();
      renumber();
    });
    list.appendChild(node);
    renumber();
  }

  function renumber() {
    Array.prototype.forEach.call(list.children, function (node, i) {
      node.querySelector('legend').textContent = 'Article ' + (i + 1);
    });
  }

  function slug(text, used) {
    var base = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'article';
    var id = base;
    for (var n = 2; used[id]; n++) id = base + '-' + n;
    used[id] = true;
    return id;
  }

  function readArticles() {
    var used = {};
    return Array.prototype.map.call(list.children, function (node) {
      function field(name) { return node.querySelector('[name="' + name + '"]').value.trim(); }
      var article = { id: '', source: field('source'), text: node.querySelector('[name="text"]').value };
      article.id = slug(article.source + (field('publishedAt') ? '-' + field('publishedAt') : ''), used);
      if (field('publishedAt')) article.publishedAt = field('publishedAt');
      if (field('title')) article.title = field('title');
      if (field('url')) article.url = field('url');
      return article;
    });
  }

  function show(message, isError) {
    status.textContent = message;
    status.className = isError ? 'error' : '';
  }

  document.getElementById('add').addEventListener('click', function () { addArticle(); });

  document.getElementById('articles').addEventListener('submit', function (event) {
    event.preventDefault();
    var articles = readArticles();
    if (articles.length < 2) return show('Add at least two articles.', true);
    try {
      var result = corroborate.compareArticles(articles);
      lastHtml = corroborate.toHtml(result, { reports: articles, title: 'corroborate: ' + articles.map(function (a) { return a.source; }).join(' · ') });
      frame.srcdoc = lastHtml;
      frame.hidden = false;
      download.disabled = false;
      var s = result.summary;
      show(s.findings + ' findings: ' + s.conflict + ' conflict, ' + s.compatible + ' compatible, ' + s.agree + ' agree, ' + s.singleSource + ' single-source.', false);
    } catch (error) {
      // A CorroborateError's message lists every problem with its path ($[1].text: …).
      show(String(error && error.message ? error.message : error), true);
    }
  });

  download.addEventListener('click', function () {
    if (!lastHtml) return;
    var url = URL.createObjectURL(new Blob([lastHtml], { type: 'text/html' }));
    var link = document.createElement('a');
    link.href = url;
    link.download = 'corroborate-report.html';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  if (typeof corroborate === 'undefined') {
    show('corroborate.js is missing: run `npm run build:browser` first.', true);
  }
  SAMPLES.forEach(addArticle);
})();
