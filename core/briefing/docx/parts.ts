/** The fixed parts of a WordprocessingML package: content types, relationships, styles. */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const CONTENT_TYPES =
  XML +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  `<Override PartName="/word/settings.xml" ContentType="${WML}.settings+xml"/>` +
  `<Override PartName="/word/footnotes.xml" ContentType="${WML}.footnotes+xml"/>` +
  `<Override PartName="/word/header1.xml" ContentType="${WML}.header+xml"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="${WML}.footer+xml"/>` +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

export const PACKAGE_RELS =
  XML +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

export const DOCUMENT_RELS =
  XML +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  `<Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/footnotes" Target="footnotes.xml"/>` +
  `<Relationship Id="rId4" Type="${REL}/header" Target="header1.xml"/>` +
  `<Relationship Id="rId5" Type="${REL}/footer" Target="footer1.xml"/>` +
  '</Relationships>';

/** The relationship ids of the header and footer parts (document.xml's sectPr refers to them). */
export const HEADER_RID = 'rId4';
export const FOOTER_RID = 'rId5';

/** Footnote ids -1 and 0 are Word's separators; a briefing's note n is footnote n. */
export const SETTINGS =
  XML +
  `<w:settings xmlns:w="${W_NS}"><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr></w:settings>`;

export const FOOTNOTE_SEPARATORS =
  '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>' +
  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>';

const style = (id: string, name: string, pPr: string, rPr: string) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
  `<w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;

export const STYLES =
  XML +
  `<w:styles xmlns:w="${W_NS}">` +
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia" w:cs="Georgia"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="100"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  style('Title', 'Title', '<w:spacing w:after="200"/>', '<w:b/><w:sz w:val="40"/>') +
  style('Heading2', 'heading 2', '<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="1"/>', '<w:b/><w:sz w:val="28"/>') +
  style('Heading3', 'heading 3', '<w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="2"/>', '<w:b/><w:sz w:val="24"/>') +
  style('ListParagraph', 'List Paragraph', '<w:ind w:left="440" w:hanging="300"/>', '') +
  style('Caveat', 'Caveat', '<w:pBdr><w:top w:val="single" w:sz="8" w:space="2" w:color="000000"/><w:bottom w:val="single" w:sz="8" w:space="2" w:color="000000"/></w:pBdr><w:jc w:val="center"/>', '<w:b/><w:caps/>') +
  style('Warning', 'Warning', '<w:ind w:left="240"/>', '<w:color w:val="7C2D12"/>') +
  style('Aside', 'Aside', '', '<w:i/><w:color w:val="555555"/>') +
  style('FootnoteText', 'footnote text', '<w:spacing w:after="0"/>', '<w:sz w:val="18"/>') +
  style('PageFrame', 'Page frame', '<w:spacing w:after="0"/><w:jc w:val="center"/>', '<w:sz w:val="16"/>') +
  '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>' +
  '</w:styles>';

export function coreProperties(title: string, creator: string, created: string, esc: (s: string) => string): string {
  return (
    XML +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(title)}</dc:title><dc:creator>${esc(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${esc(created)}</dcterms:created>` +
    '</cp:coreProperties>'
  );
}
