/**
 * GET /push/tend-push.js: what a shop's page loads to let a visitor subscribe to web push.
 * Plain ES2017 for the browser, kept as text so it needs no build step of its own and ships
 * with the server's build; e2e/src/channels/web-push.test.ts runs it in chromium.
 *
 *   TendPush.subscribe({ host, writeKey, serviceWorker = '/tend-sw.js', userId?, anonymousId? })
 *   TendPush.unsubscribe({ host, writeKey })
 *
 * The settings are also kept in the Cache API (the storage a page and its service worker share
 * with the least code), so /push/sw.js can post a new subscription when the browser renews it.
 */
export const tendPushScript = /* js */ `(function () {
  'use strict';
  var settingsCache = 'tend-push';
  var settingsKey = '/tend-push/settings';
  var ownAnonymousIdKey = 'tend_push_anonymous_id';
  // Where this script came from: Tend, unless subscribe() is told another host.
  var scriptOrigin = document.currentScript ? new URL(document.currentScript.src).origin : '';

  function problem(message) {
    return new Error('TendPush: ' + message);
  }

  function hostOf(options) {
    return String(options.host || scriptOrigin).replace(/\\/+$/, '');
  }

  async function call(options, method, path, body) {
    var response = await fetch(hostOf(options) + path, {
      method: method,
      headers: Object.assign({ authorization: 'Basic ' + btoa(options.writeKey + ':') }, body ? { 'content-type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined,
    });
    var answer = await response.json().catch(function () { return {}; });
    if (!response.ok) throw problem(method + ' ' + path + ' answered ' + response.status + ': ' + (answer.message || response.statusText));
    return answer;
  }

  function bytesOf(base64Url) {
    var base64 = base64Url.replace(/-/g, '+').replace(/_/g, '/');
    var binary = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function sameBytes(buffer, bytes) {
    var other = buffer ? new Uint8Array(buffer) : new Uint8Array(0);
    if (other.length !== bytes.length) return false;
    for (var i = 0; i < bytes.length; i++) if (other[i] !== bytes[i]) return false;
    return true;
  }

  /** The visitor's anonymous id: analytics.js's when it is on the page, else one of our own, kept. */
  function anonymousIdOf(options) {
    if (options.anonymousId) return String(options.anonymousId);
    try {
      var analytics = window.analytics;
      var user = analytics && typeof analytics.user === 'function' ? analytics.user() : null;
      var id = user && typeof user.anonymousId === 'function' ? user.anonymousId() : null;
      if (id) return String(id);
    } catch (error) {
      // analytics.js not loaded yet: fall through to our own id.
    }
    var own = localStorage.getItem(ownAnonymousIdKey);
    if (!own) {
      own = crypto.randomUUID();
      localStorage.setItem(ownAnonymousIdKey, own);
    }
    return own;
  }

  function checkBrowser() {
    if (!window.isSecureContext) throw problem('web push needs a page served over HTTPS (or localhost); this one is ' + location.origin);
    if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
      throw problem('this browser has no service workers or web push, so it cannot subscribe; offer another channel');
    }
  }

  async function askPermission() {
    var permission = await Notification.requestPermission();
    if (permission === 'granted') return;
    if (permission === 'denied') throw problem('notifications are blocked for this site: the visitor can allow them in the browser\\'s site settings, then subscribe again');
    throw problem('the visitor did not allow notifications: call TendPush.subscribe() from a click, so the browser asks them');
  }

  async function registerWorker(path) {
    var registration;
    try {
      registration = await navigator.serviceWorker.register(path);
    } catch (error) {
      throw problem('could not register the service worker ' + path + ' (' + error.message + '): serve a file there holding importScripts(\\'' + scriptOrigin + '/push/sw.js\\')');
    }
    if (registration.active) return registration;
    var worker = registration.installing || registration.waiting;
    await new Promise(function (resolve, reject) {
      worker.addEventListener('statechange', function () {
        if (worker.state === 'activated') resolve();
        if (worker.state === 'redundant') reject(problem('the service worker ' + path + ' failed to install: check that it loads ' + scriptOrigin + '/push/sw.js'));
      });
    });
    return registration;
  }

  async function keepSettings(settings) {
    var cache = await caches.open(settingsCache);
    await cache.put(settingsKey, new Response(JSON.stringify(settings), { headers: { 'content-type': 'application/json' } }));
  }

  /** Asks the visitor, subscribes this browser and tells Tend; resolves with the PushSubscription. */
  async function subscribe(options) {
    options = options || {};
    if (!options.writeKey) throw problem('pass { writeKey }: the workspace\\'s write key, from Settings in Tend');
    checkBrowser();
    await askPermission();
    var registration = await registerWorker(options.serviceWorker || '/tend-sw.js');
    var config = await call(options, 'GET', '/v1/push/config');
    var serverKey = bytesOf(config.publicKey);
    var subscription = await registration.pushManager.getSubscription();
    // Made with another key (another workspace, or before a reinstall): it cannot receive our pushes.
    if (subscription && !sameBytes(subscription.options.applicationServerKey, serverKey)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    if (!subscription) {
      try {
        subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: serverKey });
      } catch (error) {
        throw problem('the browser could not subscribe (' + error.message + '): a private window, or a browser offline from its push service, cannot receive pushes');
      }
    }
    var who = { userId: options.userId ? String(options.userId) : undefined, anonymousId: anonymousIdOf(options) };
    await call(options, 'POST', '/v1/push/subscriptions', { userId: who.userId, anonymousId: who.anonymousId, subscription: subscription.toJSON(), userAgent: navigator.userAgent });
    await keepSettings({ host: hostOf(options), writeKey: options.writeKey, publicKey: config.publicKey, userId: who.userId, anonymousId: who.anonymousId });
    return subscription;
  }

  /** Unsubscribes this browser and tells Tend; resolves with false when it was not subscribed. */
  async function unsubscribe(options) {
    options = options || {};
    if (!options.writeKey) throw problem('pass { writeKey }: the workspace\\'s write key, from Settings in Tend');
    checkBrowser();
    var registration = await navigator.serviceWorker.getRegistration();
    var subscription = registration ? await registration.pushManager.getSubscription() : null;
    if (!subscription) return false;
    await call(options, 'DELETE', '/v1/push/subscriptions', { endpoint: subscription.endpoint });
    await subscription.unsubscribe();
    await caches.delete(settingsCache);
    return true;
  }

  window.TendPush = { subscribe: subscribe, unsubscribe: unsubscribe };
})();
`;
