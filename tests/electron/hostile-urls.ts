/** URLs that must never reach shell.openExternal. Built from parts so the list is long and systematic. */

const BAD_SCHEMES = [
  'javascript', 'JaVaScRiPt', 'JAVASCRIPT', 'vbscript', 'VBScript', 'file', 'FILE', 'data', 'blob', 'about', 'chrome',
  'chrome-extension', 'devtools', 'app', 'view-source', 'ftp', 'smb', 'ms-msdt', 'ms-settings', 'search-ms', 'sftp',
  'ssh', 'telnet', 'jar', 'res', 'mhtml', 'filesystem', 'intent', 'tel', 'sms', 'news', 'gopher', 'ws', 'wss', 'x-apple',
  'itms-services', 'steam', 'zoommtg', 'ldap', 'calculator', 'shell', 'mk', 'its', 'hcp', 'mailto2', 'httpx', 'https2',
];

const PAYLOADS = ['alert(1)', '//example.com/%0aalert(1)', '/etc/passwd', '//server/share/x.exe', 'text/html,<script>alert(1)</script>'];

/** Characters that hide or break a scheme when placed before, inside or after it. */
const SNEAKY = ['\u0000', '\u0001', '\t', '\n', '\r', ' ', '\u000b', '\u000c', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200e', '\u202e', '\u2028', '\u3000', '\ufeff'];

export function hostileUrls(): string[] {
  const out = new Set<string>();
  for (const s of BAD_SCHEMES) for (const p of PAYLOADS) out.add(`${s}:${p}`);
  for (const c of SNEAKY) {
    out.add(`${c}javascript:alert(1)`);
    out.add(`java${c}script:alert(1)`);
    out.add(`https://example.com/${c}x`);
    out.add(`https:${c}//example.com/`);
    out.add(`${c}https://example.com/`);
    out.add(`https://example.com/${c}`);
    out.add(`mailto:a@example.com${c}`);
    out.add(`https://exa${c}mple.com/`);
  }
  const extra = [
    '', ' ', 'https://', 'https:///', 'http://', 'https:', 'mailto:', '//example.com', 'example.com', '/relative', '#frag',
    'https://user:pass@example.com/', 'https://user@example.com/', 'https://:pass@example.com/', 'https://@example.com/',
    'http://user:pass@127.0.0.1/', 'https://example.com\\@evil.com/', 'https://evil.com\\example.com', 'https:\\\\evil.com',
    'https://example.com%40evil.com@evil.com/', 'https://a@b@evil.com/', 'ftp://user:pass@example.com/',
    'mailto:a@example.com?attach=/etc/passwd', 'mailto:a@example.com?Attach=~/.ssh/id_rsa', 'mailto:a@example.com?attachment=x',
    'mailto://a@example.com', 'mailto:?subject=x&attach=/etc/shadow',
    'jаvascript:alert(1)', 'javascrірt:alert(1)', 'һttps://example.com', 'httрs://example.com', 'ｊａｖａｓｃｒｉｐｔ:alert(1)',
    'https\u0131://example.com', 'javascript\u0000:alert(1)', '%6Aavascript:alert(1)', 'javascript&colon;alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'blob:https://example.com/uuid', 'about:blank',
    'app://claimtrail/index.html', 'chrome://settings', 'file:///C:/Windows/System32/calc.exe', 'file://server/share',
    `https://example.com/${'a'.repeat(5000)}`, 'http://[::1', 'https://exa mple.com/',
  ];
  for (const e of extra) out.add(e);
  return [...out];
}

export const GOOD_URLS = [
  'https://example.com',
  'http://example.com/path?q=1#frag',
  'HTTPS://EXAMPLE.COM/Upper',
  'https://medium.com/@analyst/a-post',
  'https://www.reuters.com/technology/deepseek-2025-01-27/',
  'https://аpple.com/', // an IDN look-alike: allowed, the scheme is right
  'https://xn--pple-43d.com/',
  'https://example.com:8443/a',
  'mailto:analyst@example.org',
  'mailto:analyst@example.org?subject=Claim%20review&body=See%20attached',
  'mailto:a@example.org?cc=b@example.org',
];
