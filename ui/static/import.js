// The page of an import job (/import/jobs/ID, templates/importjob.html):
// asks captrack every half second how far the import has come, shows it
// in the progress bar and its line, and once the job has ended loads the
// page again, which then shows the preview or the result. Without
// script the page refreshes itself (its <noscript> refresh).
(function () {
  'use strict';
  var job = document.getElementById('import-job');
  if (!job) {
    return;
  }
  var bar = document.getElementById('import-progress');
  var line = document.getElementById('import-rows');

  // show draws status s as the template does.
  function show(s) {
    var text = '已读取 ' + s.rows_done + ' 行';
    if (s.rows_estimated > 0) {
      text += '，共约 ' + s.rows_estimated + ' 行';
      bar.max = s.rows_estimated;
      bar.value = s.rows_done;
    }
    line.textContent = text;
  }

  function poll() {
    fetch(job.dataset.status, {credentials: 'same-origin', cache: 'no-store', headers: {'Accept': 'application/json'}})
      .then(function (r) {
        if (!r.ok || r.redirected) {
          location.reload(); // the page says why (ended session, job gone)
          return;
        }
        return r.json().then(function (s) {
          if (s.state !== 'running') {
            location.reload();
            return;
          }
          show(s);
          setTimeout(poll, 500);
        });
      })
      .catch(function () {
        setTimeout(poll, 2000); // the network: try again
      });
  }
  setTimeout(poll, 500);
})();
