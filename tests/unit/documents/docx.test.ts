import { describe, expect, it } from 'vitest';
import { renderDocumentDocx } from '../../../electron/services/documents/docx-renderer';
import { buildDocumentModel } from '../../../shared/documents/build-model';
import { draftFromSource } from '../../../shared/documents/draft';
import { fieldsSchemaFor } from '../../../shared/documents/fields';
import { DOCUMENT_TYPE_INFO, DOCUMENT_TYPES } from '../../../shared/documents/types';
import { completeFields, OFFICE, sourceFor, TODAY } from './fixtures';
import { unzipText } from './unzip';

/** The text of a part as Word shows it: the w:t runs joined per paragraph. */
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

function styleXml(styles: string, id: string): string {
  return styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))?.[0] ?? '';
}

describe.each(DOCUMENT_TYPES)('DOCX of %s', (type) => {
  it('has the GB/T 9704 page, grid, fonts and the document text', async () => {
    const fields = fieldsSchemaFor(type, { complete: true }).parse(
      completeFields(draftFromSource(type, sourceFor(type), OFFICE, { today: TODAY })),
    );
    const number = `青司${DOCUMENT_TYPE_INFO[type].prefixSuffix}〔2026〕7号`;
    const model = buildDocumentModel(type, fields, OFFICE, { number, draft: false });
    const parts = await unzipText(await renderDocumentDocx(model));
    const doc = parts.get('word/document.xml') ?? '';
    const styles = parts.get('word/styles.xml') ?? '';

    // A4 portrait; top 37 mm, left 28 mm, type area 156 × 225 mm.
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // 22 lines of 28 characters: a 579-twip line grid with characters squeezed to 15.79 pt.
    expect(doc).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-84\d"\/>/);

    // Body 3号 仿宋_GB2312 on exact 28.95 pt lines, first line indented two characters.
    const body = styleXml(styles, 'GwBody');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toMatch(/w:line="579" w:lineRule="exact"/);
    expect(body).toContain('w:firstLineChars="200"');
    // Title 2号 小标宋; organ mark red 小标宋; level-1 headings 黑体, level-2 楷体.
    expect(styleXml(styles, 'GwTitle')).toContain('<w:sz w:val="44"/>');
    expect(styleXml(styles, 'GwTitle')).toContain('w:eastAsia="方正小标宋简体"');
    expect(styleXml(styles, 'GwMark')).toContain('<w:color w:val="E60012"/>');
    expect(styleXml(styles, 'GwHeading1')).toContain('w:eastAsia="黑体"');
    expect(styleXml(styles, 'GwHeading2')).toContain('w:eastAsia="楷体_GB2312"');
    // Missing GB2312 fonts fall back to the ones Windows ships.
    expect(parts.get('word/fontTable.xml')).toMatch(/w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);

    const paragraphs = paragraphsOf(doc);
    expect(paragraphs[0]).toBe(OFFICE.name);
    expect(paragraphs).toContain(number);
    expect(paragraphs).toContain(model.title);
    if (model.recipient) expect(paragraphs).toContain(model.recipient);
    expect(paragraphs).toContain('2026年11月27日');
    // Every paragraph is a real paragraph with a style: no text boxes, no frames.
    expect(doc).not.toMatch(/<w:txbxContent|<w:framePr|<v:textbox/);

    // Page numbers "— N —": odd pages right, even pages left.
    expect(parts.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = [...parts.entries()].filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, x]) => x);
    const numbered = footers.filter((f) => f.includes('PAGE'));
    expect(numbered.map((f) => f.match(/<w:jc w:val="(\w+)"/)?.[1]).sort()).toEqual(['left', 'right']);
    expect(numbered[0]).toMatch(/— [\s\S]*PAGE[\s\S]* —/);
  });
});

describe('DOCX details', () => {
  it('puts the red rule under the number of a red-header document and the double rules around a letter', async () => {
    const opinion = buildDocumentModel(
      'supervision_opinion',
      draftFromSource('supervision_opinion', sourceFor('supervision_opinion'), OFFICE, { today: TODAY }),
      OFFICE,
      { number: '青司执监意〔2026〕1号', draft: false },
    );
    const doc = (await unzipText(await renderDocumentDocx(opinion))).get('word/document.xml') ?? '';
    expect(doc).toMatch(/<w:bottom w:val="single" w:color="E60012"[^>]*\/>[\s\S]{0,200}青司执监意〔2026〕1号/);
    expect(doc).toContain('抄送：青山县纪委县监委驻县市场监管局纪检监察组，青山县人民政府办公室。');
    expect(doc).toContain('2026年11月27日印发');

    const letter = buildDocumentModel(
      'clue_referral',
      draftFromSource('clue_referral', sourceFor('clue_referral'), OFFICE, { today: TODAY }),
      OFFICE,
      { number: '青司执监移〔2026〕1号', draft: false },
    );
    const parts = await unzipText(await renderDocumentDocx(letter));
    expect(parts.get('word/document.xml')).toContain('w:val="thickThinSmallGap" w:color="E60012"');
    expect(parts.get('word/document.xml')).toContain('<w:titlePg/>');
    const first = [...parts.values()].find((x) => x.includes('thinThickSmallGap'));
    expect(first, 'first-page footer with the lower double rule').toBeDefined();
    expect(first).not.toContain('PAGE');
    // The letter format has no printing block.
    expect(parts.get('word/document.xml')).not.toContain('印发');
  });

  it('writes the 签发人 of an upward document beside its number', async () => {
    const fields = draftFromSource('annual_report', sourceFor('annual_report'), OFFICE, { today: TODAY });
    const model = buildDocumentModel('annual_report', { ...fields, signer: '王强' }, OFFICE, {
      number: '青司报〔2026〕2号',
      draft: false,
    });
    const paragraphs = paragraphsOf((await unzipText(await renderDocumentDocx(model))).get('word/document.xml') ?? '');
    expect(paragraphs).toContain('青司报〔2026〕2号签发人：王强');
  });
});
