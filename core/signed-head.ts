/**
 * The signed statement of a history head (db/signing.ts makes and checks it) as files carry it.
 * Core only embeds an opaque statement; the shape check below is what keeps a stored or imported
 * value from breaking out of the comment it is written into.
 */

/** One line of compact JSON of ids, hashes, numbers and base64url: never "<", ">", "!" or a line break. */
export const SIGNED_HEAD_SHAPE = /^\{"type":"claimtrail-signed-head"[^<>!\r\n\u2028\u2029]{0,2000}\}$/;

/** The statement as a trailing HTML comment (Markdown and HTML), invisible when rendered; '' for a malformed one. */
export function signedHeadComment(signedHead: string | null | undefined): string {
  return signedHead && SIGNED_HEAD_SHAPE.test(signedHead) ? `<!-- claimtrail-signed-head\n${signedHead}\n-->\n` : '';
}
