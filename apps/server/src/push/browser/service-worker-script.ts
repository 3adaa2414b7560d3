/**
 * GET /push/sw.js: the service worker's part of web push. A service worker must come from the
 * shop's own origin, so the shop hosts a one-line /tend-sw.js that imports this:
 *
 *   importScripts('https://<tend>/push/sw.js');
 *
 * It shows each push (a PushPayload from @tend/channels: { title, body, url?, tag }), opens or
 * focuses the notification's url on a click, and posts the new subscription when the browser
 * renews it, with the settings tend-push.js kept in the Cache API. Plain ES2017, kept as text.
 */
export const serviceWorkerScript = /* js */ `(function () {
  'use strict';
  var settingsCache = 'tend-push';
  var settingsKey = '/tend-push/settings';

  function payloadOf(data) {
    if (!data) return {};
    try {
      return data.json();
    } catch (error) {
      return { body: data.text() };
    }
  }

  self.addEventListener('push', function (event) {
    var payload = payloadOf(event.data);
    // Every push must show a notification (userVisibleOnly), even one that came without a title.
    var title = payload.title || self.location.hostname;
    event.waitUntil(self.registration.showNotification(title, { body: payload.body || '', tag: payload.tag, data: { url: payload.url } }));
  });

  async function openOrFocus(url) {
    var windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url === url && 'focus' in windows[i]) return windows[i].focus();
    }
    return self.clients.openWindow(url);
  }

  self.addEventListener('notificationclick', function (event) {
    event.notification.close();
    var url = event.notification.data && event.notification.data.url;
    if (url) event.waitUntil(openOrFocus(new URL(url, self.location.origin).href));
  });

  function bytesOf(base64Url) {
    var base64 = base64Url.replace(/-/g, '+').replace(/_/g, '/');
    var binary = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  async function send(settings, method, body) {
    var response = await fetch(settings.host + '/v1/push/subscriptions', {
      method: method,
      headers: { authorization: 'Basic ' + btoa(settings.writeKey + ':'), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error('TendPush: ' + method + ' /v1/push/subscriptions answered ' + response.status);
  }

  /** The browser replaced the subscription (it expired, or the push service rotated it): tell Tend. */
  async function renew(event) {
    var cache = await caches.open(settingsCache);
    var kept = await cache.match(settingsKey);
    if (!kept) return;
    var settings = await kept.json();
    var renewed = event.newSubscription || (await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytesOf(settings.publicKey) }));
    await send(settings, 'POST', { userId: settings.userId, anonymousId: settings.anonymousId, subscription: renewed.toJSON(), userAgent: self.navigator.userAgent });
    if (event.oldSubscription && event.oldSubscription.endpoint !== renewed.endpoint) await send(settings, 'DELETE', { endpoint: event.oldSubscription.endpoint });
  }

  self.addEventListener('pushsubscriptionchange', function (event) {
    event.waitUntil(renew(event));
  });
})();
`;
