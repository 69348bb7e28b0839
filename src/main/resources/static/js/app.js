// Asks before a form with data-confirm is submitted: used for actions that cannot simply be undone.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);

// The payout run page: the progress bar follows the build, and the page reloads when the build ends.
(function () {
  var box = document.getElementById('build-progress');
  if (!box) {
    return;
  }
  var bar = document.getElementById('progress-bar');
  var text = document.getElementById('progress-text');
  var status = document.getElementById('payout-run').getAttribute('data-status');
  function stepName(step) {
    var label = box.querySelector('[data-step="' + step + '"]');
    return label ? label.textContent : '';
  }
  function show(percent) {
    bar.style.width = percent + '%';
    bar.parentElement.setAttribute('aria-valuenow', percent);
  }
  show(bar.getAttribute('data-percent'));
  if (status !== 'BUILDING') {
    return;
  }
  function poll() {
    fetch(box.getAttribute('data-progress-url'), {headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.json(); })
      .then(function (progress) {
        if (progress.status !== 'BUILDING') {
          window.location.reload();
          return;
        }
        show(progress.percent);
        text.textContent = text.getAttribute('data-template').replace('{done}', progress.done)
          .replace('{total}', progress.total).replace('{step}', stepName(progress.step));
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();

// A page showing work that goes on elsewhere (a simulation running) reloads itself until the work is done.
(function () {
  var waiting = document.querySelector('[data-reload-after]');
  if (waiting) {
    window.setTimeout(function () {
      window.location.reload();
    }, Number(waiting.getAttribute('data-reload-after')) * 1000);
  }
})();
