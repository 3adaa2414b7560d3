import type { EmailPreferences } from './email-preferences.js';

/**
 * The hosted preference page, rendered on the server: a plain form, no script, so it works in
 * any browser and under the console's Content-Security-Policy (inline styles only). The token in
 * the form's action is the credential: a page that does not know it cannot post here.
 */
export function preferencePage(workspaceName: string, token: string, preferences: EmailPreferences): string {
  const topics = preferences.topics
    .map(
      (topic) => `
      <label class="choice"><input type="checkbox" name="topic" value="${escapeHtml(topic.id)}"${topic.subscribed ? ' checked' : ''}>
        <span><strong>${escapeHtml(topic.name)}</strong>${topic.description ? `<br><small>${escapeHtml(topic.description)}</small>` : ''}</span></label>`,
    )
    .join('');
  return page(
    `Email preferences · ${workspaceName}`,
    `<h1>${escapeHtml(workspaceName)}</h1>
    <p>Choose which email you get from ${escapeHtml(workspaceName)}.</p>
    <form method="post" action="/u/${escapeHtml(token)}/preferences">
      ${topics ? `<fieldset><legend>Topics</legend>${topics}</fieldset>` : ''}
      <label class="choice all"><input type="checkbox" name="all" value="unsubscribe"${preferences.unsubscribedFromAll ? ' checked' : ''}>
        <span><strong>Unsubscribe from all marketing email</strong></span></label>
      <button type="submit">Save</button>
    </form>
    <p><small>Messages about your orders and account are still sent.</small></p>`,
  );
}

export function savedPage(workspaceName: string, token: string): string {
  return page(
    `Preferences saved · ${workspaceName}`,
    `<h1>${escapeHtml(workspaceName)}</h1>
    <p role="status">Your preferences are saved.</p>
    <p><a href="/u/${escapeHtml(token)}/preferences">Change them again</a></p>`,
  );
}

/** The one answer for a link that is not one we sent, whatever is wrong with it. */
export function unknownLinkPage(): string {
  return page('Link not valid', '<h1>This link is not valid</h1><p>Use the link in a more recent email.</p>');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escapeHtml(title)}</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f6f4; color: #222; }
    main { max-width: 32rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px; }
    fieldset { border: 1px solid #ddd; border-radius: 6px; margin: 0 0 1rem; }
    .choice { display: flex; gap: .6rem; align-items: flex-start; margin: .6rem 0; }
    .all { margin: 1rem 0; }
    small { color: #666; }
    button { font: inherit; padding: .5rem 1.4rem; border: 0; border-radius: 6px; background: #2d6a4f; color: #fff; cursor: pointer; }
  </style>
</head>
<body><main>
    ${body}
</main></body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
