// Face login page: camera -> snapshot (JPEG data URL) -> /api/register, /api/login, /api/forget.
(function () {
  'use strict';
  var video = document.getElementById('camera');
  var canvas = document.getElementById('snapshot');
  var cameraStatus = document.getElementById('camera-status');
  var idInput = document.getElementById('user-id');
  var outcome = document.getElementById('outcome');
  var message = document.getElementById('outcome-message');
  var buttons = Array.prototype.slice.call(document.querySelectorAll('.buttons button'));
  var cameraError = null;

  function show(kind, text) {
    outcome.className = 'outcome outcome-' + kind;
    outcome.setAttribute('data-outcome', kind);
    message.textContent = text;
    if (kind !== 'working') {
      outcome.setAttribute('data-seq', String(Number(outcome.getAttribute('data-seq')) + 1));
    }
  }

  function cameraFailed(text) {
    cameraError = text;
    cameraStatus.textContent = text;
    cameraStatus.setAttribute('data-state', 'error');
    show('camera-error', text);
  }

  function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      cameraFailed('No camera available: this browser (or an http:// page other than localhost) gives no camera access.');
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: true, audio: false }).then(function (stream) {
      video.srcObject = stream;
      video.onloadedmetadata = function () {
        cameraStatus.textContent = 'Camera ready (' + video.videoWidth + 'x' + video.videoHeight + ')';
        cameraStatus.setAttribute('data-state', 'ready');
      };
    }).catch(function (e) {
      if (e && (e.name === 'NotAllowedError' || e.name === 'SecurityError')) {
        cameraFailed('Camera access was refused: allow the camera for this page and reload it.');
      } else if (e && (e.name === 'NotFoundError' || e.name === 'OverconstrainedError')) {
        cameraFailed('No camera found: connect a camera and reload the page.');
      } else {
        cameraFailed('The camera cannot be used: ' + (e && e.name ? e.name + ' ' : '') + (e && e.message ? e.message : ''));
      }
    });
  }

  function snapshot() {
    if (cameraError) {
      throw { kind: 'camera-error', text: cameraError };
    }
    if (!video.videoWidth || video.readyState < 2) {
      throw { kind: 'camera-error', text: 'The camera is not ready yet: wait a moment and try again.' };
    }
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.92);
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, json: json };
      });
    });
  }

  function failure(result) {
    var json = result.json || {};
    if (json.code === 'NO_FACE') {
      show('no-face', 'No face in the snapshot: look at the camera and try again.');
    } else {
      show('error', 'Refused (' + result.status + '): ' + (json.error || 'unknown error'));
    }
  }

  function run(action) {
    buttons.forEach(function (b) { b.disabled = true; });
    show('working', 'Working...');
    Promise.resolve().then(action).catch(function (e) {
      if (e && e.kind) {
        show(e.kind, e.text);
      } else {
        show('error', 'The server cannot be reached: ' + (e && e.message ? e.message : e));
      }
    }).then(function () {
      buttons.forEach(function (b) { b.disabled = false; });
    });
  }

  function requireId() {
    var id = idInput.value;
    if (!id || !id.trim()) {
      throw { kind: 'error', text: 'Type your id first.' };
    }
    return id;
  }

  document.getElementById('register').addEventListener('click', function () {
    run(function () {
      var id = requireId();
      return post('/api/register', { id: id, image: snapshot() }).then(function (r) {
        if (r.status !== 200) { return failure(r); }
        show('registered', 'Registered as ' + r.json.id + '. You can log in now.');
      });
    });
  });

  document.getElementById('login').addEventListener('click', function () {
    run(function () {
      return post('/api/login', { image: snapshot() }).then(function (r) {
        if (r.status !== 200) { return failure(r); }
        if (r.json.recognized) {
          show('welcome', 'Welcome, ' + r.json.id + '! (similarity ' + r.json.similarity.toFixed(1) + ' %)');
        } else {
          show('not-recognised', 'Not recognised: this face is not registered.');
        }
      });
    });
  });

  document.getElementById('forget').addEventListener('click', function () {
    run(function () {
      var id = requireId();
      return post('/api/forget', { id: id }).then(function (r) {
        if (r.status !== 200) { return failure(r); }
        show('forgotten', 'Forgot ' + r.json.id + ': ' + r.json.facesDeleted + ' face(s) and '
          + r.json.snapshotsDeleted + ' snapshot(s) erased.');
      });
    });
  });

  startCamera();
}());
