/* Scanning the QR code of an invitation with the device's camera (getUserMedia + jsQR,
 * served from this site). The decoded text goes into the code field and the form is
 * sent; without a camera, the code is typed by hand in the same field. */
(function () {
  "use strict";
  var start = document.getElementById("scan-start");
  var stop = document.getElementById("scan-stop");
  var box = document.getElementById("scanner");
  var video = document.getElementById("scan-video");
  var canvas = document.getElementById("scan-canvas");
  var error = document.getElementById("scan-error");
  var form = document.getElementById("code-form");
  if (!start || !form) return;
  if (!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia)) return; // typed codes only
  start.hidden = false;
  var stream = null, last = "", lastAt = 0;

  function halt() {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    box.hidden = true; stop.hidden = true; start.hidden = false;
  }

  function send(text) {
    var field = form.querySelector("[name=code]");
    field.value = text;
    if (window.htmx) window.htmx.trigger(form, "submit"); else form.submit();
  }

  function tick() {
    if (!stream) return;
    if (video.readyState === video.HAVE_ENOUGH_DATA && window.jsQR) {
      canvas.width = video.videoWidth; canvas.height = video.videoHeight;
      var ctx = canvas.getContext("2d", { willReadFrequently: true });
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      var image = ctx.getImageData(0, 0, canvas.width, canvas.height);
      var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
      var now = Date.now();
      // The same invitation held in front of the camera is sent once every few seconds at most.
      if (code && code.data && (code.data !== last || now - lastAt > 4000)) {
        last = code.data; lastAt = now;
        send(code.data);
      }
    }
    requestAnimationFrame(tick);
  }

  start.addEventListener("click", function () {
    error.hidden = true;
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (s) {
      stream = s;
      video.srcObject = s;
      video.play();
      box.hidden = false; stop.hidden = false; start.hidden = true;
      requestAnimationFrame(tick);
    }).catch(function () {
      error.textContent = error.dataset.denied;
      error.hidden = false;
      halt();
    });
  });
  stop.addEventListener("click", halt);
  // A new key for each code sent: the server applies a resent one once.
  document.body.addEventListener("htmx:afterSwap", function () {
    var field = form.querySelector("[name=code]");
    if (field && !field.value) field.focus();
  });
})();
