/** What a shop pastes into its site to offer web push: a subscribe button's script, and its service worker. */
export interface PushSnippets {
  /** For the page: loads tend-push.js and subscribes on a click (browsers ask for permission only after one). */
  page: string;
  /** The whole of /tend-sw.js on the shop's own origin, where a service worker must come from. */
  serviceWorker: string;
}

export function pushSnippets(tendUrl: string, writeKey: string): PushSnippets {
  const host = tendUrl.replace(/\/+$/, '');
  const page = [
    `<script src="${host}/push/tend-push.js"></script>`,
    `<button id="notify-me" type="button">Notify me</button>`,
    `<script>`,
    `  document.getElementById('notify-me').addEventListener('click', function () {`,
    `    // Add userId: '…' when the visitor is signed in.`,
    `    TendPush.subscribe({ host: ${JSON.stringify(host)}, writeKey: ${JSON.stringify(writeKey)} })`,
    `      .catch(function (error) { console.warn(error.message); });`,
    `  });`,
    `</script>`,
  ].join('\n');
  return { page, serviceWorker: `importScripts(${JSON.stringify(`${host}/push/sw.js`)});` };
}
