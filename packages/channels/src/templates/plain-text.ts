import { compile, type HtmlToTextOptions } from 'html-to-text';

/**
 * Email HTML is mostly layout: MJML writes nested tables, a <style> head and a hidden preview
 * line. The text part keeps what a reader reads (headings, paragraphs, lists, links with their
 * address) and drops the rest: tables are plain blocks, images and hidden elements are skipped.
 */
const options: HtmlToTextOptions = {
  // Lines are not wrapped: a wrap can split a link or a code in two, and mail clients wrap text themselves.
  wordwrap: false,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: '[style*="display:none"]', format: 'skip' },
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'block' },
    { selector: 'th', format: 'block' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
  ],
};

// Compiled once: building the converter from the options costs more than converting an email.
const convert = compile(options);

/** A readable plain-text part for clients that do not show HTML. */
export function htmlToText(html: string): string {
  return convert(html)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
